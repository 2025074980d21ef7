"""The member import as an operation: one step to undo, refused if the rows changed since."""

from __future__ import annotations

from talentdesk.core.i18n import _, ngettext
from talentdesk.imports.members import ImportPlan, ImportResult, apply_import
from talentdesk.ops import Op
from talentdesk.ops.registry import operation


@operation
def apply(plan: ImportPlan, *, valid_only: bool = False) -> Op[ImportResult]:
    def message(result: ImportResult) -> str:
        n = len(result.created_ids) + len(result.updated_ids)
        return ngettext("{n} miembro importado.", "{n} miembros importados.", n).format(n=n)

    return Op(
        _("Importar miembros"),
        lambda s, job: apply_import(
            s, plan, valid_only=valid_only, progress=lambda d, t: job.progress(d, t), abort=job.abort
        ),
        message=message,
    )
