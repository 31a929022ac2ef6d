"""Characters no page, feed or card can carry: found with their line, column and name.

Text pasted from a word processor brings vertical tabs and form feeds, a terminal
brings escape sequences; XML 1.0 forbids them (the feeds fail), HTML treats them
as parse errors, and the author cannot see them in an editor. The forbidden set:
C0 controls other than tab, line feed and carriage return; DEL and the C1 controls;
the noncharacters U+FDD0..U+FDEF, U+FFFE and U+FFFF.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")

_C0_NAMES = (
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY", "ACKNOWLEDGE", "BELL",
    "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION (vertical tab)", "FORM FEED", "CARRIAGE RETURN",
    "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL",
    "END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "FILE SEPARATOR", "GROUP SEPARATOR", "RECORD SEPARATOR", "UNIT SEPARATOR",
)
HINT = "delete it: most editors do not show it, so retype the text around that column"


def character_name(char: str) -> str:
    """``U+000B LINE TABULATION (vertical tab)``: the code point and a name an author can search for."""
    code = ord(char)
    if code < 0x20:
        name = _C0_NAMES[code]
    elif code == 0x7F:
        name = "DELETE"
    elif 0x80 <= code <= 0x9F:
        name = "(a C1 control character)"
    else:
        name = unicodedata.name(char, "(a noncharacter)")
    return f"U+{code:04X} {name}"


def message(char: str) -> str:
    return f"the character {character_name(char)} is not allowed"


def find_forbidden(text: str, first_line: int = 1) -> Iterator[tuple[int, int, str]]:
    """(line, column, character) of each forbidden character; lines from `first_line`, columns from 1."""
    if not FORBIDDEN.search(text):  # the common case: one scan, no line bookkeeping
        return
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), first_line):
        for match in FORBIDDEN.finditer(line):
            yield number, match.start() + 1, match.group()
