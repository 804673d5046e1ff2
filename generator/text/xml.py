"""Characters XML 1.0 cannot hold: the readers remove them, and the feed writer refuses them."""

from __future__ import annotations

import re

#: C0 controls but tab and line ends, U+FFFE, U+FFFF, and lone surrogates (which the readers'
#: `fields.text` already makes "?"): lxml refuses them all.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
