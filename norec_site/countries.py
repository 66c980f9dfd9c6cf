"""Country names in the page's language.

django-countries has Bokmål names but no Nynorsk ones; Nynorsk pages use the
Bokmål names, corrected where Nynorsk spells them differently.
"""

from django.utils.translation import get_language, override
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
    "VG": "Dei britiske Jomfruøyane",
    "VI": "Dei amerikanske Jomfruøyane",
}


def country_name(code):
    code = str(code).upper()
    if get_language() == "nn":
        if code in NYNORSK:
            return NYNORSK[code]
        with override("nb"):
            return str(countries.name(code) or code)
    return str(countries.name(code) or code)
