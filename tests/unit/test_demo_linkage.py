"""The demo's linkage work gives every Vinculación screen something to show (issue 14, "Done
when"): programmes in every column of the board by status, needs over several years, and nothing
dated after today that says it already happened (a need received, a candidate moved)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select

from talentdesk.core.programs import Need, NeedCandidate, Program, ProgramStatus
from talentdesk.db.session import Database


def test_the_demo_fills_every_status_and_nothing_happened_in_the_future(demo: Database) -> None:
    today = date.today()
    with demo.reader() as s:
        statuses = Counter(s.scalars(select(Program.status)))
        assert statuses[ProgramStatus.IN_PROGRESS] >= 2, statuses  # the board's «En curso» column
        assert statuses[ProgramStatus.PROPOSED] >= 2 and statuses[ProgramStatus.CONCLUDED] >= 10
        for program in s.scalars(select(Program).where(Program.status == ProgramStatus.IN_PROGRESS)):
            assert program.starts_on is not None and program.starts_on <= today
            assert program.ends_on is None or program.ends_on > today
        received = [n.created_at for n in s.scalars(select(Need))]
        assert max(received).date() <= today, "a need received after today"
        assert len({d.year for d in received}) >= 8  # needs over many years
        assert all(c.stage_changed_at.date() <= today for c in s.scalars(select(NeedCandidate)))
