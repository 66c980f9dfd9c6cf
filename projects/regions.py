"""UN M49 regions and sub-regions for the countries Norec's partners come from.

Facets and the IATI file read regions from here, so an editor types a
partner's country once and the region follows.
"""

from django.utils.translation import gettext_lazy as _

REGIONS = {
    "africa": _("Africa"),
    "asia": _("Asia"),
    "latin-america": _("Latin America and the Caribbean"),
    "europe": _("Europe"),
    "northern-america": _("Northern America"),
    "oceania": _("Oceania"),
}

SUBREGIONS = {
    "eastern-africa": ("africa", _("Eastern Africa")),
    "middle-africa": ("africa", _("Middle Africa")),
    "northern-africa": ("africa", _("Northern Africa")),
    "southern-africa": ("africa", _("Southern Africa")),
    "western-africa": ("africa", _("Western Africa")),
    "central-asia": ("asia", _("Central Asia")),
    "eastern-asia": ("asia", _("Eastern Asia")),
    "south-eastern-asia": ("asia", _("South-eastern Asia")),
    "southern-asia": ("asia", _("Southern Asia")),
    "western-asia": ("asia", _("Western Asia")),
    "caribbean": ("latin-america", _("Caribbean")),
    "central-america": ("latin-america", _("Central America")),
    "south-america": ("latin-america", _("South America")),
    "eastern-europe": ("europe", _("Eastern Europe")),
    "northern-europe": ("europe", _("Northern Europe")),
    "southern-europe": ("europe", _("Southern Europe")),
    "western-europe": ("europe", _("Western Europe")),
    "northern-america": ("northern-america", _("Northern America")),
    "australia-new-zealand": ("oceania", _("Australia and New Zealand")),
    "melanesia": ("oceania", _("Melanesia")),
    "micronesia": ("oceania", _("Micronesia")),
    "polynesia": ("oceania", _("Polynesia")),
}

_COUNTRIES_BY_SUBREGION = {
    "eastern-africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW",
    "middle-africa": "AO CM CF TD CG CD GQ GA ST",
    "northern-africa": "DZ EG LY MA SD TN EH",
    "southern-africa": "BW SZ LS NA ZA",
    "western-africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "central-asia": "KZ KG TJ TM UZ",
    "eastern-asia": "CN HK MO KP JP MN KR TW",
    "south-eastern-asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "southern-asia": "AF BD BT IN IR MV NP PK LK",
    "western-asia": "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE",
    "caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC "
    "SX TT TC VI",
    "central-america": "BZ CR SV GT HN MX NI PA",
    "south-america": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
    "eastern-europe": "BY BG CZ HU PL MD RO RU SK UA",
    "northern-europe": "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB",
    "southern-europe": "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK",
    "western-europe": "AT BE FR DE LI LU MC NL CH",
    "northern-america": "BM CA GL PM US",
    "australia-new-zealand": "AU NZ NF",
    "melanesia": "FJ NC PG SB VU",
    "micronesia": "GU KI MH FM NR MP PW",
    "polynesia": "AS CK PF NU PN WS TK TO TV WF",
}

SUBREGION_OF = {
    code: subregion
    for subregion, codes in _COUNTRIES_BY_SUBREGION.items()
    for code in codes.split()
}


def place_of(country_code):
    """(region key, sub-region key) of an ISO 3166 alpha-2 code, or ("", "")."""
    subregion = SUBREGION_OF.get(str(country_code).upper(), "")
    if not subregion:
        return "", ""
    return SUBREGIONS[subregion][0], subregion


def region_name(key):
    return REGIONS.get(key, key)


def subregion_name(key):
    return SUBREGIONS[key][1] if key in SUBREGIONS else key
