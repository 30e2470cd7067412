"""Fills a Qt .ts file from a JSON list of {context, source, translation} objects.

    python packaging/fill_translations.py resources/translations/hall_desk_en.ts words.json ...

Extra keys in the objects are ignored. A pair (context, source) the .ts does not hold is
reported and skipped; so is a translation whose accelerators (&X) or placeholders (%1, %2…)
differ from its source's, since Qt would then show a wrong key or drop a value. A filled
message loses its type="unfinished". Prints what it did; exit status 1 when anything was skipped.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PLACEHOLDER = re.compile(r"%L?(\d+)")
# One "&" before a character is an accelerator; "&&" is a literal ampersand.
ACCELERATOR = re.compile(r"(?<!&)&(?!&)(?=\S)")


def accelerators(text: str) -> int:
    return len(ACCELERATOR.findall(text.replace("&&", "")))


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def problem(source: str, translation: str) -> str | None:
    """Why `translation` cannot stand for `source`, or None."""
    if not translation.strip():
        return "empty translation"
    if accelerators(source) != accelerators(translation):
        return "accelerator (&) count differs from the source"
    if placeholders(source) != placeholders(translation):
        return "placeholders (%1…) differ from the source"
    return None


def fill(ts: Path, entries: list[dict]) -> tuple[int, list[str]]:
    """Writes the translations into `ts`; (messages filled, reports of skipped entries)."""
    tree = ET.parse(ts)
    messages: dict[tuple[str, str], list[ET.Element]] = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages.setdefault((name, message.findtext("source") or ""), []).append(message)
    filled = 0
    skipped: list[str] = []
    for entry in entries:
        key = (str(entry.get("context", "")), str(entry.get("source", "")))
        translation = str(entry.get("translation") or "")
        found = messages.get(key)
        if not found:
            skipped.append(f"unknown: {key[0]} / {key[1]!r}")
            continue
        why = problem(key[1], translation)
        if why:
            skipped.append(f"{why}: {key[0]} / {key[1]!r} → {translation!r}")
            continue
        for message in found:
            element = message.find("translation")
            if element is None:
                element = ET.SubElement(message, "translation")
            element.text = translation
            element.attrib.pop("type", None)
        filled += 1
    write(tree, ts)
    return filled, skipped


def write(tree: ET.ElementTree, ts: Path) -> None:
    """In lupdate's own layout (contexts flush left, messages indented), so a refresh by
    `make ts` afterwards changes only what it must."""
    root = tree.getroot()
    attrs = "".join(f' {k}="{v}"' for k, v in root.attrib.items())
    parts = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f"<TS{attrs}>"]
    for context in root:
        context.tail = None
        ET.indent(context, space="    ")
        text = ET.tostring(context, encoding="unicode").rstrip()
        text = re.sub(r"<translation([^>]*?) />", r"<translation\1></translation>", text)
        parts.append(text.replace(" />", "/>"))
    parts.append("</TS>")
    ts.write_text("\n".join(parts) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__)
        return 2
    ts = Path(argv[1])
    entries: list[dict] = []
    for name in argv[2:]:
        entries.extend(json.loads(Path(name).read_text(encoding="utf-8")))
    filled, skipped = fill(ts, entries)
    for line in skipped:
        print("skipped", line)
    print(f"{ts}: {filled} filled, {len(skipped)} skipped")
    return 1 if skipped else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
