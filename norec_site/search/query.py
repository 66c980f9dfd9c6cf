"""What the visitor typed, cleaned, and the text-search clauses made from it."""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_QUERY_LENGTH = 200
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
QUOTES = str.maketrans(dict.fromkeys("“”„‟«»″", '"'))
HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2212"
# A hyphen between two letters: "sør-sør", "South-South" (not "COVID-19" or "-word").
LETTER_HYPHEN = re.compile(rf"(?<=[^\W\d_])[{HYPHENS}](?=[^\W\d_])")
HYPHENATED = re.compile(rf"[^\W_]+(?:[{HYPHENS}][^\W_]+)+")
LETTERS = re.compile(r"[^\W\d_]+")
# Words left out (-word) and the "or" operator: not looked for in a snippet's window.
NOT_WANTED = re.compile(r"(?:(?<=\s)|^)-\S+|\bor\b", re.IGNORECASE)


@dataclass
class ParsedQuery:
    """What the visitor typed, cleaned for echoing, and what goes to PostgreSQL."""

    text: str = ""
    websearch: str = ""
    compounds: str = ""
    words: str = ""
    notices: list = field(default_factory=list)
    problem: str = ""

    @property
    def searchable(self):
        return bool(self.websearch or self.compounds) and not self.problem


def parse_query(raw):
    """Clean a visitor's query; say what was wrong instead of failing.

    PostgreSQL's ``websearch_to_tsquery`` never raises on syntax, but NUL bytes
    would, so control characters go; curly quotes become straight ones, an
    unpaired quote is dropped, and hyphenated words get their own clause (see
    ``_split_compounds``) so that ``sør-sør`` finds "sør-sør", "sør–sør" and
    "sør sør" alike.
    """
    text = CONTROL_CHARACTERS.sub(" ", unicodedata.normalize("NFC", raw or ""))
    text = " ".join(text.translate(QUOTES).split())
    parsed = ParsedQuery(text=text)
    if not text:
        parsed.problem = _("Type one or more words to search for.")
        return parsed
    if len(text) > MAX_QUERY_LENGTH:
        parsed.text = text = text[:MAX_QUERY_LENGTH].rstrip()
        parsed.notices.append(
            _(
                "Your search was longer than %(limit)s characters, "
                "so we searched for the first %(limit)s."
            )
            % {"limit": MAX_QUERY_LENGTH}
        )
    if not re.search(r"[^\W_]", text):
        parsed.problem = _("Your search has no letters or numbers in it. Type one or more words.")
        return parsed
    if text.count('"') % 2:
        position = text.rindex('"')
        text = text[:position] + " " + text[position + 1 :]
        parsed.notices.append(_("A quotation mark had no partner, so we searched without it."))
    parsed.websearch, parsed.compounds = _split_compounds(text)
    parsed.words = " ".join(NOT_WANTED.sub(" ", text).replace('"', " ").split())
    if not re.search(r"[^\W_]", parsed.words):
        parsed.problem = _(
            "A minus only leaves words out. Add at least one word to search for, "
            "such as: exchange -Kenya."
        )
    return parsed


def _split_compounds(text):
    """The websearch text, and a to_tsquery clause for each hyphenated word.

    The parser indexes "sør-sør-samarbeid" as the whole word and its parts,
    "sør–sør-samarbeid" (a dash, then a hyphen) with the parts one place
    further apart, and "Sør-sør- og triangulært samarbeid" with the head word
    apart. So a plain hyphenated word of letters, such as ``sør-sør-samarbeid``,
    asks for its first parts next to each other (or one place apart) and for
    its last part anywhere; a two-part word for both parts next to each other.
    Inside quotes, after a minus or next to "or", a hyphenated word is a
    phrase in websearch syntax instead.
    """
    parts = text.split('"')
    clauses = []
    for index, part in enumerate(parts):
        if index % 2:
            parts[index] = LETTER_HYPHEN.sub(" ", part)
            continue

        def replace(match, part=part):
            word = match.group(0)
            pieces = re.split(f"[{HYPHENS}]", word)
            before = part[: match.start()].split()
            after = part[match.end() :].split()
            plain_term = (
                all(LETTERS.fullmatch(piece) for piece in pieces)
                and not part[: match.start()].endswith("-")
                and not (before and before[-1].lower() == "or")
                and not (after and after[0].lower() == "or")
            )
            if plain_term:
                clauses.append(_compound_clause(pieces))
                return " "
            spaced = LETTER_HYPHEN.sub(" ", word)
            return f'"{spaced}"' if spaced != word else word

        parts[index] = HYPHENATED.sub(replace, part)
    return " ".join('"'.join(parts).split()), " & ".join(clauses)


def _compound_clause(pieces):
    """``(a <-> b | a <2> b) & c`` for a-b-c; the pieces are letters only."""
    quoted = [f"'{piece}'" for piece in pieces]
    group, head = (quoted, None) if len(quoted) == 2 else (quoted[:-1], quoted[-1])
    near = " <-> ".join(group)
    apart = " <-> ".join([f"{group[0]} <2> {group[1]}", *group[2:]])
    clause = f"({near} | {apart})"
    return f"{clause} & {head}" if head else clause
