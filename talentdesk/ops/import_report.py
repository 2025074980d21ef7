"""The import's report as a spreadsheet: every problem with its row, column, value and reason,
the duplicates found and what was chosen for them, and the counts.

It lives here, above both, because it joins the import's plan (``talentdesk.imports``) with the
spreadsheet writer of the exports (``talentdesk.exports``): those two layers never import each
other (docs/architecture.md, Tooling)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from talentdesk.exports.files import ExportResult, atomic_output
from talentdesk.exports.xlsx import SheetColumn, SheetWriter, new_workbook, save_workbook
from talentdesk.imports.plan import ImportPlan
from talentdesk.imports.values import RowError

ERROR_COLUMNS = (
    SheetColumn("Fila", 8),
    SheetColumn("Columna", 24),
    SheetColumn("Valor", 30),
    SheetColumn("Problema", 80),
)
DUPLICATE_COLUMNS = (
    SheetColumn("Fila", 8),
    SheetColumn("Nombre", 32),
    SheetColumn("Correo electrónico", 30),
    SheetColumn("Coincide con", 60),
    SheetColumn("Acción", 22),
)


def write_error_report(
    plan: ImportPlan, out_path: Path | str, *, extra_errors: Sequence[RowError] = (), written: int = 0
) -> ExportResult:
    """Write the report to ``out_path`` (.xlsx), atomically; returns how many problems it lists."""
    errors = [*plan.errors(), *extra_errors]
    summary = plan.summary(written)
    with atomic_output(out_path, suffix=".xlsx") as temp:
        workbook = new_workbook(temp)
        sheets: list[SheetWriter] = []
        try:
            sheet = SheetWriter(workbook, "Errores", ERROR_COLUMNS)
            sheets.append(sheet)
            for e in errors:
                sheet.row([e.row, e.column, e.value, e.message])
            sheet.close()
            dups = SheetWriter(workbook, "Duplicados", DUPLICATE_COLUMNS)
            sheets.append(dups)
            for row in plan.duplicates():
                v = row.values
                name = " ".join(
                    x
                    for x in (v.get("given_names"), v.get("paternal_surname"), v.get("maternal_surname"))
                    if x
                )
                assert row.duplicate is not None
                dups.row([row.number, name, v.get("email"), row.duplicate.describe(), row.action.label])
            dups.close()
            counts = SheetWriter(workbook, "Resumen", (SheetColumn("Concepto", 30), SheetColumn("Filas", 12)))
            sheets.append(counts)
            for label, value in (
                ("Archivo", plan.source.name),
                ("Filas de datos", summary.rows),
                ("Nuevos", summary.new),
                ("Actualizaciones", summary.updated),
                ("Duplicados", summary.duplicates),
                ("Omitidas", summary.skipped),
                ("Filas con errores", len({e.row for e in errors})),
                ("Guardados", summary.written),
            ):
                counts.row([label, value])
            for notice in plan.notices:
                counts.row(["Aviso", notice])
            counts.close()
        except BaseException:
            for s in sheets:
                s.discard()
            raise
        save_workbook(workbook, temp)
    return ExportResult(Path(out_path), len(errors))
