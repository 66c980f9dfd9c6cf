"""All published projects as IATI 2.03 activities, for aid-transparency data users.

Codes follow the IATI codelists: organisation role and type, activity status
and date type, DAC 5-digit sectors (vocabulary 1), SDG goals as tags
(vocabulary 2), outgoing commitments (transaction type 2).
"""

from decimal import ROUND_DOWN, Decimal
from xml.etree import ElementTree as ET

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

from norec_site.models import Organisation

from .models import Partnership, Phase

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Norec's identifier in the IATI organisation registry: Norwegian business register number.
NOREC_REF = settings.NOREC_IATI_REF
NOREC_TYPE = "10"  # Government
ORGANISATION_TYPES = {
    Organisation.Kind.CIVIL_SOCIETY: "22",  # National NGO
    Organisation.Kind.PRIVATE: "70",  # Private sector
    Organisation.Kind.PUBLIC: "10",  # Government
    Organisation.Kind.MULTILATERAL: "40",  # Multilateral
}
ACTIVITY_STATUS = {Phase.PLANNED: "1", Phase.ONGOING: "2", Phase.COMPLETED: "4"}
DONOR_COUNTRIES = {"NO"}  # partners there take part, but do not receive aid


def activity_identifier(iati_identifier, pk):
    """The editor's identifier, or one made from Norec's reference and the project's id."""
    return iati_identifier or f"{NOREC_REF}-PRJ{pk}"


def country_percentages(codes):
    """Equal shares with two decimals that add up to exactly 100."""
    if not codes:
        return []
    share = (Decimal(100) / len(codes)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    shares = [share] * len(codes)
    shares[-1] = Decimal(100) - share * (len(codes) - 1)
    return list(zip(codes, shares, strict=True))


def _narratives(parent, texts):
    for language, text in texts:
        if text:
            ET.SubElement(parent, "narrative", {XML_LANG: language}).text = text


def _texts(row, field):
    return [(code, strip_tags(row[f"{field}_{code}"] or "").strip()) for code in row["languages"]]


def activity_element(row, goal_names):
    """One iati-activity from a row of ``iati_rows``."""
    languages = row["languages"]
    activity = ET.Element(
        "iati-activity",
        {
            "last-updated-datetime": row["updated_at"].replace(microsecond=0).isoformat(),
            XML_LANG: languages[0] if languages else "nn",
            "default-currency": row["grant_currency"],
            "hierarchy": "1",
        },
    )
    identifier = activity_identifier(row["iati_identifier"], row["pk"])
    ET.SubElement(activity, "iati-identifier").text = identifier
    reporting = ET.SubElement(activity, "reporting-org", {"ref": NOREC_REF, "type": NOREC_TYPE})
    _narratives(reporting, [("en", "Norec")])
    _narratives(ET.SubElement(activity, "title"), _texts(row, "title"))
    _narratives(ET.SubElement(activity, "description", {"type": "1"}), _texts(row, "summary"))

    funding = ET.SubElement(
        activity, "participating-org", {"ref": NOREC_REF, "type": NOREC_TYPE, "role": "1"}
    )
    _narratives(funding, [("en", "Norec")])
    for partner in row["partners"]:
        roles = ["4"]
        if partner["role"] == Partnership.Role.COORDINATING:
            roles.insert(0, "2")
        org_type = ORGANISATION_TYPES.get(partner["sector"], "90")
        for role in roles:
            org = ET.SubElement(activity, "participating-org", {"type": org_type, "role": role})
            _narratives(org, [("en", partner["name"])])

    phase = Phase(row["phase"])
    ET.SubElement(activity, "activity-status", {"code": ACTIVITY_STATUS[phase]})
    dates = [("1", row["start_date"]), ("3", row["end_date"])]
    if phase != Phase.PLANNED:
        dates.append(("2", row["start_date"]))
    if phase == Phase.COMPLETED:
        dates.append(("4", row["end_date"]))
    for date_type, date in sorted(dates):
        ET.SubElement(activity, "activity-date", {"type": date_type, "iso-date": date.isoformat()})

    recipients = [code for code in row["countries"] if code not in DONOR_COUNTRIES]
    for code, percentage in country_percentages(recipients):
        ET.SubElement(activity, "recipient-country", {"code": code, "percentage": str(percentage)})
    ET.SubElement(
        activity, "sector", {"vocabulary": "1", "code": row["dac_sector"], "percentage": "100"}
    )
    for number in row["sdg_numbers"]:
        tag = ET.SubElement(activity, "tag", {"vocabulary": "2", "code": str(number)})
        _narratives(tag, [("en", goal_names.get(number, ""))])
    ET.SubElement(activity, "collaboration-type", {"code": "1"})  # bilateral
    ET.SubElement(activity, "default-flow-type", {"code": "10"})  # ODA
    ET.SubElement(activity, "default-finance-type", {"code": "110"})  # standard grant
    ET.SubElement(activity, "default-aid-type", {"code": "C01", "vocabulary": "1"})  # project
    if row["grant_amount"] is not None:
        transaction = ET.SubElement(activity, "transaction")
        ET.SubElement(transaction, "transaction-type", {"code": "2"})  # outgoing commitment
        start = row["start_date"].isoformat()
        ET.SubElement(transaction, "transaction-date", {"iso-date": start})
        value = ET.SubElement(
            transaction, "value", {"currency": row["grant_currency"], "value-date": start}
        )
        value.text = f"{row['grant_amount']:.2f}"
    return activity


def activities_xml(rows, goal_names, now=None):
    """The iati-activities document as bytes (UTF-8, with an XML declaration)."""
    now = now or timezone.now()
    root = ET.Element(
        "iati-activities",
        {"version": "2.03", "generated-datetime": now.replace(microsecond=0).isoformat()},
    )
    for row in rows:
        root.append(activity_element(row, goal_names))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
