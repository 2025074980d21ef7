"""Loading demo data into a database (the members area offers it on an empty database).

Not undoable: it writes hundreds of rows of several kinds in bulk (the search index included),
outside the row journal; a person who wants them gone starts a new database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from talentdesk.core.errors import Cancelled, TalentDeskError
from talentdesk.core.i18n import _, ngettext
from talentdesk.core.jobs import Job
from talentdesk.ops import Op
from talentdesk.ops.changes import Changes
from talentdesk.ops.registry import operation

if TYPE_CHECKING:  # the generator (Faker, phonenumbers) loads when the demo is asked for
    from talentdesk.services.demo import DemoResult

#: What the welcome screen loads: enough to try every area, quick on a laptop.
WELCOME_MEMBERS = 300


@operation
def load(members: int = WELCOME_MEMBERS, seed: int = 1) -> Op[DemoResult]:
    def run(session: Session, job: Job) -> DemoResult:
        from talentdesk.services.demo import generate_demo

        try:
            return generate_demo(
                session, members, seed=seed, progress=lambda d, t: job.progress(d, t), abort=job.abort
            )
        except TalentDeskError:
            if job.cancelled:  # the generator says so in its own words: a calm cancel here
                raise Cancelled() from None
            raise

    def message(result: DemoResult) -> str:
        return ngettext(
            "Se cargó {n} miembro de demostración.",
            "Se cargaron {n} miembros de demostración.",
            result.members,
        ).format(n=f"{result.members:,}")

    return Op(
        _("Cargar datos de demostración"),
        run,
        undoable=False,
        capture=False,
        also=Changes.everything(),
        message=message,
    )
