"""Numbers said in one list, and the words that say how exact a number is.

Both the results (which metric a number takes from the one before it) and their kinds (which kind
it continues) read a list the same way, with this one pattern: "by 26.8%, 20.2%, and 5.6%",
"28.0% on AndroidWorld and 19.8% on OSWorld",
"by 10%-57% as well as other techniques by up to 10%", "by up to 12.2% for ICL with Claude-3.5 and 19.5%
for training", "memory by up to 82.5% and total training memory by 63.3%", "from 17.7% to 78.7%".
"""

from __future__ import annotations

import re

#: What the text says of a number's exactness, kept with it: "up to 65.5%", "over 20%", "<4.3%".
QUALIFIER_WORDS = (
    r"up\s*to|over|more\s+than|nearly|almost|about|around|approximately|roughly|at\s+least|less\s+than|under"
)

#: Between the end of one number (with its unit) and the start of the next of the same list.
_JOINT = re.compile(
    # the first number's word and what it was measured on or for: "12.2% for ICL with Claude-3.5"
    r"(?:\s*[A-Za-z-]+)?(?:\s+(?:for|on|in|with|of|over|across|at|under)\s+"
    r"(?:(?!\b(?:while|whereas|but|which)\b)[^;%%]){0,60}?)?"
    r"(?:(?<!compared)(?<!relative)(?<!close)(?P<to>\s+to\s+(?:an?\s+)?(?:[a-z]+\s+)?)"
    r"|(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+|\s*/\s*)(?:an?\s+)?)"
    # the next one's: "and total training memory by 63.3%", "and by 3.26%"; "to an impressive 57.3%" above
    r"(?:(?:[A-Za-z-]+\s+){0,4}?by\s+)?"
    r"(?:(?:%s)\s+)?[<>~\u2248]?" % QUALIFIER_WORDS
)


def list_joint(between: str) -> str | None:
    """Return how a number continues the list of the number before it, given the text between the
    two: "and" (another item of the list), "to" (the end of a change "from ... to"), None (no list)."""
    joint = _JOINT.fullmatch(between)
    if joint is None:
        return None
    return "to" if joint.group("to") else "and"
