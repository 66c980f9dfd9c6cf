"""Apertium, the rule-based machine translator between Nynorsk and Bokmål.

Debian's ``apertium`` and ``apertium-nno-nob`` packages provide the program and
the language pair. It is always called with an argument list, the text on
standard input and a timeout, never through a shell.
"""

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache

from django.utils.translation import gettext_lazy as _

PAIRS = {("nn", "nb"): "nno-nob", ("nb", "nn"): "nob-nno"}
TIMEOUT_SECONDS = 60
# Apertium marks a word it could not transfer with @ and one it could not generate
# with #. Literal @ and # in the text are hidden from it behind private-use
# characters (which it passes through) so that every mark in the output is its own.
HIDDEN = {"@": "\ue040", "#": "\ue023"}
MARKED_WORD = re.compile(r"[@#](\w[\w-]*)")


class ApertiumError(Exception):
    """Machine translation cannot run or failed; the message is for the editor."""


@dataclass
class Translation:
    text: str
    unsure_words: list[str] = field(default_factory=list)


@cache
def _installed_modes():
    program = shutil.which("apertium")
    if not program:
        return frozenset()
    try:
        # Our own argument list (no shell); the program is the installed apertium.
        listed = subprocess.run(  # noqa: S603
            [program, "-l"], capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(listed.stdout.split())


def is_available(source="nn", target="nb"):
    return PAIRS.get((source, target)) in _installed_modes()


def unavailable_reason(source="nn", target="nb"):
    if (source, target) not in PAIRS:
        return _("Machine translation only works between Nynorsk and Bokmål.")
    if not shutil.which("apertium"):
        return _(
            "Machine translation is not available: Apertium is not installed on the server "
            "(apt-get install apertium apertium-nno-nob)."
        )
    return _(
        "Machine translation is not available: Apertium's Nynorsk–Bokmål pair is not "
        "installed on the server (apt-get install apertium-nno-nob)."
    )


def translate(text, *, source, target, rich=False):
    """``text`` in the other written form; ``rich`` for HTML, else plain text."""
    if not text.strip():
        return Translation(text)
    if not is_available(source, target):
        raise ApertiumError(unavailable_reason(source, target))
    hidden = text
    for char, stand_in in HIDDEN.items():
        hidden = hidden.replace(char, stand_in)
    command = [
        shutil.which("apertium"),
        "-u",
        "-f",
        "html" if rich else "txt",
        PAIRS[source, target],
    ]
    try:
        # A fixed argument list (no shell); the text goes on standard input.
        done = subprocess.run(  # noqa: S603
            command,
            input=hidden,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ApertiumError(_("Apertium took too long to answer; try again later.")) from error
    except OSError as error:
        raise ApertiumError(unavailable_reason(source, target)) from error
    if done.returncode != 0:
        raise ApertiumError(
            _("Apertium could not translate the text: %(error)s")
            % {"error": done.stderr.strip()[:200]}
        )
    output = done.stdout
    # Apertium adds a final newline that the text did not have.
    if not text.endswith("\n"):
        output = output.removesuffix("\n")
    return unmarked(output)


def unmarked(output):
    """Apertium's output without its @ and # marks, and the words that had them."""
    unsure = MARKED_WORD.findall(output)
    output = MARKED_WORD.sub(r"\1", output)
    for char, stand_in in HIDDEN.items():
        output = output.replace(stand_in, char)
    return Translation(output, unsure)
