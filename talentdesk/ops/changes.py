"""What an operation changed, by the kind of data each view shows (Anki's OpChanges)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

#: Which view cares about which table. A table missing here refreshes everything (safe).
_AREAS: dict[str, tuple[str, ...]] = {
    "members": ("members",),
    "member_sectors": ("members", "sectors"),
    "member_contributions": ("members",),
    "chapters": ("chapters", "members"),
    "chapter_sectors": ("chapters",),
    "board_positions": ("chapters", "members"),
    "sectors": ("sectors", "members"),
    "sector_contacts": ("sectors",),
    "contribution_types": ("members",),
    "organizations": ("organizations",),
    "organization_sectors": ("organizations",),
    "events": ("events",),
    "rooms": ("events",),
    "event_sessions": ("events",),
    "session_speakers": ("events",),
    "participants": ("events",),
    "participant_status_changes": ("events",),
    "travels": ("events",),
    "lodgings": ("events",),
    "materials": ("events",),
    "event_tasks": ("events",),
    "certificates": ("events",),
    "import_mappings": ("settings",),
    "document_settings": ("settings",),
    "consent_changes": ("members",),
    # vinculación: the histories of members, organisations and chapters show it too
    "program_kinds": ("programs",),
    "programs": ("programs",),
    "program_sectors": ("programs",),
    "program_organizations": ("programs",),
    "program_chapters": ("programs",),
    "program_status_changes": ("programs",),
    "program_people": ("programs",),
    "program_outcomes": ("programs",),
    "needs": ("programs",),
    "need_sectors": ("programs",),
    "need_candidates": ("programs",),
    "need_candidate_stages": ("programs",),
    "saved_lists": ("lists",),
    "saved_list_members": ("lists",),
    # records beside a change (PostgreSQL announces them too: db/change_notices.py); no list
    # shows them, and the change they record announces its own tables
    "audit_log": (),
    "export_log": (),
}


@dataclass(frozen=True)
class Changes:
    members: bool = False
    chapters: bool = False
    sectors: bool = False
    organizations: bool = False
    events: bool = False
    settings: bool = False
    programs: bool = False  # programmes, needs and their candidates
    lists: bool = False  # saved lists (the members area's panel)

    @classmethod
    def everything(cls) -> Changes:
        return cls(**{f.name: True for f in fields(cls)})

    @classmethod
    def from_tables(cls, tables: Iterable[str]) -> Changes:
        areas: set[str] = set()
        for table in tables:
            if table not in _AREAS:
                return cls.everything()
            areas.update(_AREAS[table])
        return cls(**{a: True for a in areas})

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))
