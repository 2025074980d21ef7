"""Fill unfinished messages of a Qt Linguist .ts file from a Python dict file.

    python scripts/fill-ts.py talentdesk/resources/i18n/talentdesk_es.ts TRANSLATIONS.py

TRANSLATIONS.py defines ``ES = {source: translation}``; for a plural (%n) message the value is
a tuple (singular, plural). Only messages marked unfinished are touched; run
scripts/update-translations afterwards to compile the .qm.
"""

from __future__ import annotations

import html
import re
import runpy
import sys

MESSAGE = re.compile(r"(<message[^>]*>.*?</message>)", re.S)


def _fill(block: str, table: dict[str, object]) -> str:
    source = re.search(r"<source>(.*?)</source>", block, re.S)
    if source is None or 'type="unfinished"' not in block:
        return block
    key = html.unescape(source.group(1))
    if key not in table:
        return block
    value = table[key]
    if isinstance(value, tuple):
        forms = "".join(f"\n            <numerusform>{html.escape(v, quote=False)}</numerusform>" for v in value)
        new = f"<translation>{forms}\n        </translation>"
    else:
        new = f"<translation>{html.escape(str(value), quote=False)}</translation>"
    return re.sub(r"<translation type=\"unfinished\">.*?</translation>|<translation type=\"unfinished\"/>",
                  lambda _m: new, block, flags=re.S)


def main(ts_path: str, translations_path: str) -> int:
    table = runpy.run_path(translations_path)["ES"]
    with open(ts_path, encoding="utf-8") as fh:
        text = fh.read()
    filled = MESSAGE.sub(lambda m: _fill(m.group(1), table), text)
    with open(ts_path, "w", encoding="utf-8") as fh:
        fh.write(filled)
    marker = 'type="unfinished"'
    print(f"{text.count(marker) - filled.count(marker)} messages filled")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
