"""The Spanish UI translation: complete, in step with the sources, compiled (no Qt widgets)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from talentdesk.resources import I18N_DIR, translation_path

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "talentdesk" / "ui"
TS_FILE = I18N_DIR / "talentdesk_es.ts"
FIX = "run `bash scripts/update-translations`, translate the new messages in " + str(
    TS_FILE.relative_to(ROOT)
)

_PLACEHOLDER = re.compile(r"%(?:\d|n|L\d|Ln)")
_ACCELERATOR = re.compile(r"&(?!&)\S")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    kind: str  # '' (finished), 'unfinished', 'vanished', 'obsolete'
    texts: tuple[str, ...]  # the translation, or its numerus forms

    @property
    def key(self) -> tuple[str, str, bool]:
        return (self.context, self.source, self.numerus)


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{name}: message without <translation>"
            numerus = message.get("numerus") == "yes"
            if numerus:
                texts = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                texts = (translation.text or "",)
            messages.append(
                Message(name, message.findtext("source") or "", numerus, translation.get("type", ""), texts)
            )
    return messages


def problems(messages: list[Message]) -> list[str]:
    """What is wrong with a translation file: missing, unfinished or inconsistent messages."""
    found = []
    for m in messages:
        where = f"[{m.context}] {m.source!r}"
        if m.kind in ("vanished", "obsolete"):
            continue
        if m.kind == "unfinished":
            found.append(f"unfinished: {where}")
            continue
        if m.numerus and len(m.texts) != 2:
            found.append(f"Spanish needs 2 plural forms, got {len(m.texts)}: {where}")
        for text in m.texts:
            if not text.strip():
                found.append(f"empty translation: {where}")
                continue
            if sorted(set(_PLACEHOLDER.findall(text))) != sorted(set(_PLACEHOLDER.findall(m.source))):
                found.append(f"placeholders differ: {where} -> {text!r}")
            if bool(_ACCELERATOR.search(m.source)) != bool(_ACCELERATOR.search(text)):
                found.append(f"keyboard accelerator (&) missing or extra: {where} -> {text!r}")
            if m.source.endswith("…") != text.endswith("…"):
                found.append(f"ellipsis differs: {where} -> {text!r}")
            if text != text.strip() and m.source == m.source.strip():
                found.append(f"stray spaces: {where} -> {text!r}")
    return found


def qt_tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    assert found, f"{name} not found (it comes with PySide6)"
    return found


def ui_sources() -> list[str]:
    return sorted(str(p) for p in UI_DIR.rglob("*.py"))


# -- the committed file --------------------------------------------------------------------------


def test_every_message_is_translated() -> None:
    messages = read_ts(TS_FILE)
    assert len(messages) > 50
    found = problems(messages)
    assert not found, f"{len(found)} problem(s); {FIX}:\n" + "\n".join(found)


def test_the_checker_finds_bad_translations(tmp_path: Path) -> None:
    ts = tmp_path / "bad.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX">
<context><name>W</name>
  <message><source>New</source><translation type="unfinished"></translation></message>
  <message><source>&amp;File</source><translation>Archivo</translation></message>
  <message><source>%1 of %2</source><translation>%1 de</translation></message>
  <message><source>Open…</source><translation>Abrir</translation></message>
  <message><source>Gone</source><translation type="vanished">Ido</translation></message>
  <message numerus="yes"><source>%n item(s)</source>
    <translation><numerusform>%n elemento</numerusform><numerusform></numerusform></translation>
  </message>
  <message><source>Fine</source><translation>Bien</translation></message>
</context>
</TS>
""",
        encoding="utf-8",
    )
    found = problems(read_ts(ts))
    assert [f.split(":")[0] for f in found] == [
        "unfinished",
        "keyboard accelerator (&) missing or extra",
        "placeholders differ",
        "ellipsis differs",
        "empty translation",
    ]


# -- in step with the sources --------------------------------------------------------------------


def lupdate_messages(tmp_path: Path) -> list[Message]:
    fresh = tmp_path / "fresh_es.ts"
    result = subprocess.run(
        [qt_tool("pyside6-lupdate"), *ui_sources(), "-silent", "-locations", "none", "-ts", str(fresh)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return read_ts(fresh)


def test_every_source_string_is_in_the_translation(tmp_path: Path) -> None:
    fresh = lupdate_messages(tmp_path)
    assert len(fresh) > 50, "lupdate found too few strings: is it reading talentdesk/ui?"
    committed = {m.key for m in read_ts(TS_FILE) if m.kind not in ("vanished", "obsolete")}
    new = sorted({m.key for m in fresh} - committed)
    assert not new, f"{len(new)} string(s) missing from the translation; {FIX}:\n" + "\n".join(
        f"  [{context}] {source!r}" for context, source, _numerus in new
    )


def test_source_strings_are_found_by_lupdate(tmp_path: Path) -> None:
    """The check above is only as good as lupdate's view of the code: it sees the shell strings,
    including the plural ones, in their class contexts."""
    keys = {m.key for m in lupdate_messages(tmp_path)}
    assert ("MainWindow", "&File", False) in keys
    assert ("PreferencesDialog", "&Language:", False) in keys
    assert any(numerus for _context, _source, numerus in keys)


# -- compiled ------------------------------------------------------------------------------------


def test_compiled_translation_matches_the_ts_file(tmp_path: Path) -> None:
    qm = translation_path("es")
    assert qm.is_file(), f"missing {qm}; {FIX}"
    fresh = tmp_path / "fresh.qm"
    result = subprocess.run(
        [qt_tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(fresh)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is older than {TS_FILE.name}; {FIX}"


EN_FILE = I18N_DIR / "talentdesk_en.ts"


def test_english_has_real_plural_forms(tmp_path: Path) -> None:
    """English is the source language, but "%n member(s)" must read "1 member" / "3 members":
    talentdesk_en.ts holds every plural message of the code with both English forms."""
    numerus = {m.key for m in lupdate_messages(tmp_path) if m.numerus}
    english = {m.key: m for m in read_ts(EN_FILE) if m.kind not in ("vanished", "obsolete")}
    assert numerus and numerus <= set(english), (
        f"missing English plurals; {FIX}: {sorted(numerus - set(english))}"
    )
    assert not problems(list(english.values()))
    for key in numerus:
        one, other = english[key].texts
        assert "(s)" not in re.split(r"%L?n", one, maxsplit=1)[1].split()[0], f"no real singular: {one!r}"
        assert "(s)" not in re.split(r"%L?n", other, maxsplit=1)[1].split()[0], f"no real plural: {other!r}"
    fresh = tmp_path / "en.qm"
    subprocess.run(
        [qt_tool("pyside6-lrelease"), str(EN_FILE), "-qm", str(fresh)], capture_output=True, check=True
    )
    assert fresh.read_bytes() == translation_path("en").read_bytes(), f"talentdesk_en.qm is stale; {FIX}"


@pytest.mark.parametrize("language", ["es", "en"])
def test_ts_declares_its_language(language: str) -> None:
    root = ET.parse(I18N_DIR / f"talentdesk_{language}.ts").getroot()
    assert root.get("language", "").startswith(language)
    assert root.get("sourcelanguage") == "en"
