"""Country names in the page's language.

django-countries has Bokmål names but no Nynorsk ones. Our Nynorsk catalogue
(locale/overrides/nn) gives it its Bokmål names in Nynorsk spelling, written
by ``python -m norec_site.catalogues countries`` from these rules, so that
selects, filters and pages all name countries in Nynorsk.
"""

import re

from django_countries import countries

NYNORSK = {
    "AE": "Dei sameinte arabiske emirata",
    "AT": "Austerrike",
    "BY": "Kviterussland",
    "CF": "Den sentralafrikanske republikken",
    "CD": "Kongo-Kinshasa",
    "DO": "Den dominikanske republikken",
    "FO": "Færøyane",
    "KM": "Komorane",
    "KY": "Caymanøyane",
    "MH": "Marshalløyane",
    "MV": "Maldivane",
    "NL": "Nederland",
    "NO": "Noreg",
    "PH": "Filippinane",
    "SB": "Salomonøyane",
    "SC": "Seychellane",
    "TL": "Aust-Timor",
    "US": "Sambandsstatane",
    "VG": "Dei britiske Jomfruøyane",
    "VI": "Dei amerikanske Jomfruøyane",
}


SPELLING = (
    (r"øyene\b", "øyane"),
    (r"\bDe forente\b", "Dei sameinte"),
    (r"\bDet forente\b", "Det sameinte"),
    (r"\bforente\b", "sameinte"),
    (r"\bDe\b", "Dei"),
    (r"\bsørterritorier\b", "sørterritoria"),
    (r"\brepublikk\b", "republikken"),
    (r"(Mariane|Grenadine|Komore|Maldive|Filippine|Seychelle)ne\b", r"\1ane"),
    (r"\bØst-", "Aust-"),
    (r"\bØsterrike\b", "Austerrike"),
    (r"\bHviterussland\b", "Kviterussland"),
)


def nynorsk_spelling(bokmal_name):
    name = bokmal_name
    for pattern, replacement in SPELLING:
        name = re.sub(pattern, replacement, name)
    return name


def country_name(code):
    code = str(code).upper()
    return str(countries.name(code) or code)
