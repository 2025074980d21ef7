"""Fill translations into a gettext catalogue from a Python dict file (a translator's helper).

    python scripts/fill-po.py CATALOG.po TRANSLATIONS.py

TRANSLATIONS.py defines ``EN = {msgid: msgstr, (singular, plural): (one, other)}``; entries
already translated are overwritten, others are left as they are.
"""

from __future__ import annotations

import runpy
import sys

from babel.messages.pofile import read_po, write_po


def main(catalog_path: str, translations_path: str) -> int:
    table = runpy.run_path(translations_path)["EN"]
    with open(catalog_path, "rb") as fh:
        catalog = read_po(fh)
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        key = tuple(message.id) if isinstance(message.id, (list, tuple)) else message.id
        if key in table:
            value = table[key]
            message.string = tuple(value) if isinstance(value, (list, tuple)) else value
            message.flags.discard("fuzzy")
            filled += 1
    with open(catalog_path, "wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False)
    print(f"{filled} translations filled")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
