"""The member import as an operation, and undoing an import from its history.

An import can write 100,000 rows: it is not captured by the row journal (that would hold them
all in memory) but kept in the import history, and its undo is the history's own step (refused,
naming the members, when they changed since). Undoing an import cannot be redone: the file can
be imported again.
"""

from __future__ import annotations

from talentdesk.core.i18n import _, ngettext
from talentdesk.imports.history import apply_and_record
from talentdesk.imports.plan import ImportPlan, ImportResult
from talentdesk.ops import Changes, Op
from talentdesk.ops.registry import operation
from talentdesk.services import import_history

MEMBERS = Changes(members=True, sectors=True)


@operation
def apply(plan: ImportPlan, *, valid_only: bool = False) -> Op[tuple[ImportResult, int | None]]:
    def message(value: tuple[ImportResult, int | None]) -> str:
        result = value[0]
        n = len(result.created_ids) + len(result.updated_ids)
        return ngettext("{n} miembro importado.", "{n} miembros importados.", n).format(n=n)

    def inverse(value: tuple[ImportResult, int | None]) -> Op[object] | None:
        return undo(value[1]) if value[1] is not None else None

    return Op(
        _("Importar miembros"),
        lambda s, job: apply_and_record(
            s, plan, valid_only=valid_only, progress=lambda d, t: job.progress(d, t), abort=job.abort
        ),
        message=message,
        capture=False,
        also=MEMBERS,
        inverse=inverse,
    )


@operation
def undo(run_id: int) -> Op[object]:
    return Op(
        _("Deshacer importación"),
        lambda s, job: import_history.undo_run(s, run_id, job),
        message=lambda _v: _("Importación deshecha."),
        capture=False,
        undoable=False,
        also=MEMBERS,
    )
