"""Every setting declared once, with its type and default, read through typed accessors.

QSettings stores strings on some platforms; the declared type converts them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from talentdesk.exports.kinds import DEFAULT_GROUP_BY, DEFAULT_LAYOUT, DEFAULT_PACKET_BADGE, DEFAULT_PAGE_SIZE

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    kind: type
    default: T


LANGUAGE: Setting[str] = Setting("ui/language", str, "es")  # "es" or "en", applied on restart
LAST_DATABASE: Setting[str] = Setting("db/last", str, "")
RECENT_DATABASES: Setting[list[str]] = Setting("db/recent", list, [])
WINDOW_GEOMETRY: Setting[QByteArray] = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE: Setting[QByteArray] = Setting("window/state", QByteArray, QByteArray())
MEMBERS_SPLITTER: Setting[QByteArray] = Setting("members/splitter", QByteArray, QByteArray())
MEMBERS_HEADER: Setting[QByteArray] = Setting("members/header", QByteArray, QByteArray())
#: The area shown last, by its object name ("" the first: the Tablero). "window/area" held its
#: index before the Tablero came first (see MainWindow.first_area).
CURRENT_AREA: Setting[str] = Setting("window/area-name", str, "")
OLD_AREA_INDEX: Setting[int] = Setting("window/area", int, -1)
# Exports: where the last file went and the choices people repeat (see ui/exports/dialog.py).
EXPORT_FOLDER: Setting[str] = Setting("exports/folder", str, "")
EXPORT_PAGE_SIZE: Setting[str] = Setting("exports/page_size", str, DEFAULT_PAGE_SIZE)
EXPORT_GROUP_BY: Setting[str] = Setting("exports/group_by", str, DEFAULT_GROUP_BY)
EXPORT_BADGE_LAYOUT: Setting[str] = Setting("exports/badge_layout", str, DEFAULT_LAYOUT)
EXPORT_CUT_MARKS: Setting[bool] = Setting("exports/cut_marks", bool, False)
EXPORT_PACKET_BADGE: Setting[str] = Setting("exports/packet_badge_layout", str, DEFAULT_PACKET_BADGE)

MAX_RECENT = 8


class Settings:
    """Typed access to QSettings; pass a QSettings (tests give one backed by a temp file)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings()

    def get(self, setting: Setting[T]) -> T:
        raw: Any = self.store.value(setting.key, setting.default)
        if raw is None:
            return setting.default
        if setting.kind is list:
            if isinstance(raw, str):
                return [raw] if raw else []  # type: ignore[return-value]
            return list(raw)  # type: ignore[return-value]
        if setting.kind is bool:
            if isinstance(raw, str):  # INI files give "true"/"false" back
                return raw.strip().lower() in ("true", "1", "yes")  # type: ignore[return-value]
            return bool(raw)  # type: ignore[return-value]
        if setting.kind is int:
            try:
                return int(raw)  # type: ignore[return-value]
            except (TypeError, ValueError):
                return setting.default
        if setting.kind is QByteArray:
            return raw if isinstance(raw, QByteArray) else setting.default  # type: ignore[return-value]
        return setting.kind(raw)  # type: ignore[no-any-return]

    def set(self, setting: Setting[T], value: T) -> None:
        self.store.setValue(setting.key, value)

    def remember_database(self, target: str) -> None:
        recent = [target] + [d for d in self.get(RECENT_DATABASES) if d != target]
        self.set(RECENT_DATABASES, recent[:MAX_RECENT])
        self.set(LAST_DATABASE, target)

    def forget_database(self, target: str) -> None:
        """Drop ``target`` from the recent list (the last database stays as it is)."""
        self.set(RECENT_DATABASES, [d for d in self.get(RECENT_DATABASES) if d != target])

    def clear_recent_databases(self) -> None:
        self.set(RECENT_DATABASES, [])

    def badge_offset(self, layout: str) -> tuple[float, float]:
        """The calibration offset (x, y in mm) remembered for a label layout: it belongs to
        the printer and the sheet, so each layout keeps its own."""
        raw = self.store.value(_offset_key(layout), "")
        try:
            x, y = (float(part) for part in str(raw).split(";"))
        except ValueError:
            return (0.0, 0.0)
        return (x, y)

    def set_badge_offset(self, layout: str, offset: tuple[float, float]) -> None:
        self.store.setValue(_offset_key(layout), f"{offset[0]:g};{offset[1]:g}")


def _offset_key(layout: str) -> str:
    return "exports/badge_offset/" + "".join(c if c.isalnum() or c in "-_" else "_" for c in layout)
