"""The member directory PDF, read back: consent member by member, groups and Spanish order,
the index's page numbers, running headers, "Página x de y", metadata, fonts, structure, and
the promise that a cancelled export leaves no file and never overwrites a good one."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from sqlalchemy import select
from sqlalchemy import text as sql

from talentdesk.core.enums import PrintField
from talentdesk.core.errors import Cancelled, TalentDeskError
from talentdesk.core.models import Chapter
from talentdesk.core.text import compact, fold
from talentdesk.db.session import Database
from talentdesk.exports import directory_pdf
from talentdesk.exports.consent import allowed_fields, hide_disallowed, may_appear
from talentdesk.exports.directory_pdf import (
    GROUPINGS,
    LINE_STYLES,
    NAME,
    entry_lines,
    export_directory_pdf,
    spanish_date,
    wrap_text,
)
from talentdesk.exports.pdf import AUTHOR, FONT, FONT_BOLD, register_fonts
from talentdesk.services import members as member_service
from talentdesk.services.chapters import create_chapter
from talentdesk.services.search import MemberQuery, count_members
from tests.unit.helpers import add

ALL = "email,phone,city,employer"


# -- reading a PDF back --------------------------------------------------------------------


class Pdf:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.reader = PdfReader(path)
        self.pages = [page.extract_text() for page in self.reader.pages]
        self.text = "\n".join(self.pages)

    @property
    def body(self) -> str:
        return "\n".join(self.pages[self.first_body - 1 :])

    def is_index(self, page: int) -> bool:
        return re.search(r"^Índice( \(continuación\))?$", self.pages[page - 1], re.M) is not None

    @property
    def first_body(self) -> int:
        """1-based number of the first page after the index."""
        return max(i for i in range(1, len(self.pages) + 1) if self.is_index(i)) + 1

    def toc(self) -> list[tuple[str, int, int]]:
        """(group, page, members) for every index line, in order."""
        index = "\n".join(self.pages[i - 1] for i in range(1, self.first_body))
        return [
            (name, int(page), int(count.replace(",", "")))
            for name, page, count in re.findall(r"^(.+)\n(\d+)\n\s*· ([\d,]+) miembros?$", index, re.M)
        ]

    def heading_pages(self, name: str, count: int) -> list[int]:
        """Pages showing the group's heading (its name, wrapped or not, then its count)."""
        heading = f"{name} {count:,} miembro"
        return [
            i
            for i, text in enumerate(self.pages, 1)
            if heading in re.sub(r"\s+", " ", text) and not self.is_index(i)
        ]

    def header(self, page: int) -> str:
        match = re.search(r"^((?:Capítulos?|Sectores|Sector|Países|País): .+)$", self.pages[page - 1], re.M)
        assert match, f"no running header on page {page}"
        return match.group(1)


def check_document(path: Path) -> None:
    """Only embedded DejaVu fonts and a structure qpdf finds nothing wrong with."""
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows, fonts
    for row in rows:
        name, *_rest = row.split()
        assert "DejaVuSans" in name, row
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row  # embedded, subset, unicode map
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors" in check.stdout


# -- data --------------------------------------------------------------------------------------

PEOPLE: list[dict[str, Any]] = [
    # key, consent, fields; every value unique so its presence in the text is unambiguous
    {"key": "all", "consent": True, "fields": ALL},
    {"key": "none", "consent": True, "fields": ""},
    {"key": "mail", "consent": True, "fields": "email"},
    {"key": "phonecity", "consent": True, "fields": "phone,city"},
    {"key": "work", "consent": True, "fields": "employer"},
    {"key": "refused", "consent": False, "fields": "email,phone"},
    {"key": "never", "consent": False, "fields": ""},
]


def person_values(n: int, key: str) -> dict[str, Any]:
    return {
        "given_names": f"Persona{key.capitalize()}",
        "paternal_surname": f"Consentimiento{key.capitalize()}",
        "email": f"{key}.contacto{n}@example.org",
        "phone": f"+1 408 555 01{n:02d}",
        "country": "US",
        "city": f"Ciudad{key.capitalize()}",
        "employer": f"Empresa{key.capitalize()}",
        "job_title": f"Puesto{key.capitalize()}",
    }


FILLER = 50  # members in each of two chapters: groups over several pages
CONSENTING = 5 + 9 + 2 * FILLER + 3 + 3 + 1
SURNAMES = ["Ortiz", "Ñeco", "Álvarez", "Nava", "Beltrán", "Ocampo", "Ángeles", "Núñez", "Aguilar"]
SPANISH_ORDER = ["Aguilar", "Álvarez", "Ángeles", "Beltrán", "Nava", "Núñez", "Ñeco", "Ocampo", "Ortiz"]
CHAPTERS = ["Zúrich", "Ñuñoa", "Ámsterdam", "Nápoles"]
CHAPTER_ORDER = [
    "Ámsterdam",
    "Detroit",
    "Houston",
    "Nápoles",
    "Ñuñoa",
    "Silicon Valley",
    "Zúrich",
    "Sin capítulo",
]
LONG_GIVEN = "María de los Ángeles Guadalupe Concepción Inmaculada Josefina Soledad"
LONG_EMAIL = (
    "maria.de.los.angeles.guadalupe.concepcion.inmaculada.josefina@universidad-nacional-ejemplo.example.edu"
)


@pytest.fixture(scope="module")
def directory_db(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """Seven consent cases, a chapter per Spanish-order case, enough members for several pages."""
    path = tmp_path_factory.mktemp("directory") / "directory.sqlite"
    shutil.copyfile(template_db, path)
    database = Database.open(path)
    with database.session() as session:
        chapter_ids = {name: create_chapter(session, {"name": name}).id for name in CHAPTERS}
        for chapter in ("Houston", "Detroit", "Silicon Valley"):
            chapter_ids[chapter] = session.scalars(select(Chapter.id).where(Chapter.name == chapter)).one()
        for n, person in enumerate(PEOPLE):
            add_values = person_values(n, person["key"])
            add(
                session,
                add_values.pop("given_names"),
                add_values.pop("paternal_surname"),
                chapter_id=chapter_ids["Houston"],
                sector_ids=[3],
                directory_consent=person["consent"],
                print_fields=person["fields"],
                **add_values,
            )
        # Spanish order within a group: every surname in the Ámsterdam chapter.
        for i, surname in enumerate(SURNAMES):
            add(
                session,
                f"Nombre{i}",
                surname,
                "Prueba",
                chapter_id=chapter_ids["Ámsterdam"],
                directory_consent=True,
                print_fields="email",
                email=f"orden{i}@example.net",
            )
        # Groups over several pages: FILLER members each in Detroit and Nápoles.
        for chapter in ("Detroit", "Nápoles"):
            for i in range(FILLER):
                add(
                    session,
                    f"Relleno{i}",
                    f"{chapter}apellido",
                    f"Materno{i:02d}",
                    chapter_id=chapter_ids[chapter],
                    directory_consent=True,
                    print_fields="city",
                    city="Ciudad de relleno",
                    job_title="Ingeniera",
                )
        for chapter in ("Ñuñoa", "Zúrich", "Silicon Valley"):
            add(
                session,
                "Única",
                f"Sola{fold_name(chapter)}",
                chapter_id=chapter_ids[chapter],
                directory_consent=True,
            )
        for i in range(3):
            add(session, f"Suelto{i}", "Sinchapter", directory_consent=True)
        add(
            session,
            LONG_GIVEN,
            "Fernández de Córdoba y Hernández-Villaseñor",
            "Gómez-Peña de la Concepción",
            email=LONG_EMAIL,
            job_title="Directora de Investigación y Desarrollo Tecnológico en Sistemas Embebidos",
            employer="Instituto Tecnológico y de Estudios Superiores de Occidente, Universidad Jesuita de Guadalajara",
            chapter_id=chapter_ids["Silicon Valley"],
            directory_consent=True,
            print_fields=ALL,
        )
    yield database
    database.close()


def fold_name(name: str) -> str:
    return compact(name).capitalize()


def export(
    database: Database, tmp_path: Path, name: str = "directorio.pdf", **options: Any
) -> tuple[Pdf, int]:
    out = tmp_path / name
    result = export_directory_pdf(database.sessions, options.pop("selection", MemberQuery()), out, **options)
    assert result.path == out and out.exists()
    return Pdf(out), result.rows


# -- consent ---------------------------------------------------------------------------------


def test_consent_rule() -> None:
    assert not may_appear(False, False) and not may_appear(None, None) and not may_appear(0, 0)
    assert may_appear(True, False) and may_appear(1, 0) and may_appear(True, None)
    assert not may_appear(True, True) and not may_appear(1, 1)  # oposición: no contactar
    assert allowed_fields(False, ALL) == frozenset()
    assert allowed_fields(True, "") == frozenset()
    assert allowed_fields(True, "email, phone,bogus") == {PrintField.EMAIL, PrintField.PHONE}
    row = {"email": "a@b.c", "phone": "+1", "city": "X", "employer": "Y", "job_title": "Z"}
    hide_disallowed(row, frozenset({PrintField.CITY}))
    assert row == {"email": None, "phone": None, "city": "X", "employer": None, "job_title": "Z"}


@pytest.mark.parametrize("fields", [c for n in range(5) for c in itertools.combinations(PrintField, n)])
@pytest.mark.parametrize("group_by", ["chapter", "sector", "country"])
def test_entry_shows_exactly_the_allowed_contact_fields(
    fields: tuple[PrintField, ...], group_by: str
) -> None:
    grouping = GROUPINGS[group_by]
    raw = ",".join(f.value for f in fields)
    row = (
        1,
        "José María",
        "Núñez",
        "de la Garza",
        "Ingeniero",
        "Acme",
        "jm@example.com",
        "+14085550123",
        "San José",
        "US",
        2,
        3,
        True,
        raw,
        False,
    )
    lines = entry_lines(row, grouping, {2: "Houston"}, {3: "Salud"})
    assert lines is not None
    text = "\n".join(t for _k, t in lines)
    assert lines[0] == (NAME, "Núñez de la Garza, José María")
    assert "Ingeniero" in text  # the job title is not contact data
    shown = {
        PrintField.EMAIL: "jm@example.com" in text,
        PrintField.PHONE: "+1 408-555-0123" in text,
        PrintField.CITY: "San José" in text,
        PrintField.EMPLOYER: "Acme" in text,
    }
    assert shown == {f: f in fields for f in PrintField}
    assert ("Estados Unidos" in text) == (group_by != "country")
    assert ("Capítulo Houston" in text) == (group_by != "chapter")
    assert ("Salud" in text) == (group_by != "sector")
    assert entry_lines((*row[:12], False, raw, False), grouping, {}, {}) is None
    assert entry_lines((*row[:12], True, raw, True), grouping, {}, {}) is None  # oposición


def test_directory_shows_consenting_members_with_only_their_allowed_fields(
    directory_db: Database, tmp_path: Path
) -> None:
    pdf, rows = export(directory_db, tmp_path)
    with directory_db.reader() as session:
        consenting = count_members(session, MemberQuery(directory_consent=True))
    assert rows == consenting == CONSENTING
    assert f"{CONSENTING} miembros" in pdf.pages[0]
    body = pdf.body
    for n, person in enumerate(PEOPLE):
        values = person_values(n, person["key"])
        name = f"{values['paternal_surname']}, {values['given_names']}"
        expected = {
            "email": values["email"],
            "phone": f"+1 408-555-01{n:02d}",
            "city": values["city"],
            "employer": values["employer"],
        }
        if not person["consent"]:
            assert name not in pdf.text, person
            assert values["job_title"] not in pdf.text
            for value in expected.values():
                assert value not in pdf.text, (person, value)
            continue
        assert body.count(name) == 1, person
        assert values["job_title"] in body
        for code, value in expected.items():
            assert (value in body) == (code in person["fields"].split(",")), (person, code)


def test_demo_members_consent_row_by_row(demo_db_path: Path, tmp_path: Path) -> None:
    database = Database.open(demo_db_path)
    try:
        pdf, rows = export(database, tmp_path, group_by="country")
        with database.reader() as session:
            people = member_service.members_as_dicts(session, list(range(1, 301)))
    finally:
        database.close()
    body = pdf.body
    consenting = [p for p in people if p["directory_consent"]]
    assert rows == len(consenting) < len(people)
    hidden = 0
    for person in people:
        shown = person["directory_consent"] and "email" in person["print_fields"]
        assert (person["email"] in body) == shown, person["id"]
        hidden += person["directory_consent"] and not shown
    assert hidden > 0  # the demo data exercises the rule


# -- groups, order, index, headers -----------------------------------------------------------


def test_groups_and_members_in_spanish_order(directory_db: Database, tmp_path: Path) -> None:
    pdf, _rows = export(directory_db, tmp_path)
    toc = pdf.toc()
    assert [name for name, _p, _c in toc] == CHAPTER_ORDER
    body = pdf.body
    positions = [body.index(f"\n{surname} Prueba, ") for surname in SPANISH_ORDER]
    assert positions == sorted(positions)
    headings = [body.index(f"{name}\n{count:,} miembro") for name, _p, count in toc]
    assert headings == sorted(headings)


def test_index_points_at_the_page_of_each_group_heading(directory_db: Database, tmp_path: Path) -> None:
    pdf, rows = export(directory_db, tmp_path)
    toc = pdf.toc()
    assert sum(count for _n, _p, count in toc) == rows
    assert len(pdf.pages) >= pdf.first_body + 3  # groups span pages: the check means something
    for name, page, count in toc:
        assert pdf.heading_pages(name, count) == [page], name
    # The outline (bookmarks) agrees.
    outline = {item.title: pdf.reader.get_destination_page_number(item) + 1 for item in pdf.reader.outline}
    assert outline == {name: page for name, page, _c in toc}


def test_long_index_spans_pages(template_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "many.sqlite"
    shutil.copyfile(template_db, path)
    database = Database.open(path)
    try:
        with database.session() as session:
            for i in range(60):
                chapter = create_chapter(session, {"name": f"Capítulo de prueba {i:02d}"})
                add(session, "Ana", f"Apellido{i:02d}", chapter_id=chapter.id, directory_consent=True)
        pdf, rows = export(database, tmp_path)
    finally:
        database.close()
    assert rows == 60
    assert pdf.first_body == 4  # cover, two index pages
    assert "Índice (continuación)" in pdf.pages[2]
    toc = pdf.toc()
    assert len(toc) == 60
    for name, page, count in toc:
        assert pdf.heading_pages(name, count) == [page], name
    check_document(pdf.path)


def test_running_header_names_the_groups_on_each_page(directory_db: Database, tmp_path: Path) -> None:
    pdf, _rows = export(directory_db, tmp_path)
    toc = pdf.toc()
    current: str | None = None
    for page in range(pdf.first_body, len(pdf.pages) + 1):
        new = [name for name, first, _c in toc if first == page]
        opens_with_heading = bool(new) and pdf.pages[page - 1].startswith(f"{new[0]}\n")
        groups = new if opens_with_heading or current is None else [current, *new]
        if len(groups) == 1:
            assert pdf.header(page) == f"Capítulo: {groups[0]}", page
        else:
            assert pdf.header(page) == f"Capítulos: {groups[0]} – {groups[-1]}", page
        current = groups[-1]
    assert pdf.header(pdf.first_body + 1).startswith("Capítulo")
    assert pdf.first_body == 3 and pdf.is_index(2)


@pytest.mark.parametrize(
    ("group_by", "expected"),
    [
        (
            "sector",
            ["Salud", "Sin sector"],
        ),
        ("country", ["Estados Unidos", "Sin país"]),
        ("país", ["Estados Unidos", "Sin país"]),
    ],
)
def test_other_groupings(directory_db: Database, tmp_path: Path, group_by: str, expected: list[str]) -> None:
    pdf, rows = export(directory_db, tmp_path, group_by=group_by)
    toc = pdf.toc()
    assert [name for name, _p, _c in toc] == expected
    assert sum(c for _n, _p, c in toc) == rows
    for name, page, count in toc:
        assert pdf.heading_pages(name, count) == [page]
    label, plural = ("Sector", "Sectores") if group_by == "sector" else ("País", "Países")
    if toc[1][1] == pdf.first_body:  # both groups start on the first page
        assert pdf.header(pdf.first_body) == f"{plural}: {expected[0]} – {expected[1]}"
    else:
        assert pdf.header(pdf.first_body) == f"{label}: {expected[0]}"


def test_sector_groups_follow_the_primary_sector_in_spanish_order(template_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "sectors.sqlite"
    shutil.copyfile(template_db, path)
    database = Database.open(path)
    try:
        with database.session() as session:
            for sector in range(1, 10):
                # every sector listed, the primary one decides the group
                others = [s for s in range(1, 10) if s != sector][:2]
                add(
                    session,
                    "Ana",
                    f"Sector{sector}",
                    sector_ids=[*others, sector],
                    primary_sector_id=sector,
                    directory_consent=True,
                )
            names = dict(session.execute(sql("SELECT id, name FROM sectors")).all())
        pdf, rows = export(database, tmp_path, group_by="sector")
    finally:
        database.close()
    assert rows == 9
    assert [name for name, _p, _c in pdf.toc()] == sorted(names.values(), key=fold)
    body = re.sub(r"\s+", " ", pdf.body)
    for sector, name in names.items():
        heading = body.index(f"{name} 1 miembro")
        assert heading < body.index(f"Sector{sector}, Ana") < heading + len(name) + 30


# -- looks: wrapping, page frame, cover ------------------------------------------------------


def test_long_names_and_emails_wrap_inside_their_column(directory_db: Database, tmp_path: Path) -> None:
    pdf, _rows = export(directory_db, tmp_path)
    body = pdf.body
    joined = re.sub(r"\s+", "", body)
    assert re.sub(r"\s+", "", LONG_EMAIL) in joined  # broken across lines, never cut
    assert (
        re.sub(
            r"\s+",
            "",
            f"Fernández de Córdoba y Hernández-Villaseñor Gómez-Peña de la Concepción, {LONG_GIVEN}",
        )
        in joined
    )
    register_fonts()
    page = pdf.reader.pages[pdf.first_body - 1]
    width = float(page.mediabox.width)
    margin = 18 * 72 / 25.4
    column = (width - 2 * margin - directory_pdf.GUTTER) / 2
    checked = 0
    for number in range(pdf.first_body, len(pdf.pages) + 1):
        for x, text, font, size in text_runs(pdf.reader.pages[number - 1]):
            if x < 1 and text.strip().isdigit():
                continue  # the "de y" form: pypdf reports it in the form's own coordinates
            right = x + stringWidth(text, font, size)
            assert x >= margin - 0.5, (number, text)
            assert right <= (margin + column if x < margin + column else width - margin) + 0.5, (number, text)
            checked += 1
    assert checked > 300


def text_runs(page: Any) -> list[tuple[float, str, str, float]]:
    runs: list[tuple[float, str, str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text.strip() or font is None:
            return
        name = str(font["/BaseFont"]).split("+")[-1]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        scale = (tm[0] * cm[0]) or 1
        runs.append((x, text.rstrip("\n"), FONT_BOLD if "Bold" in name else FONT, size * scale))

    page.extract_text(visitor_text=visit)
    return runs


def test_wrap_text_never_drops_characters() -> None:
    register_fonts()
    text = "Investigadora " + LONG_EMAIL + " y más"
    lines = wrap_text(text, FONT, 8.5, 120)
    assert len(lines) > 3
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(stringWidth(line, FONT, 8.5) <= 120 for line in lines)
    assert wrap_text("Corto", FONT_BOLD, 9.5, 200) == ["Corto"]
    assert LINE_STYLES[NAME][0] == FONT_BOLD


def test_cover_footer_metadata_fonts_and_structure(directory_db: Database, tmp_path: Path) -> None:
    before = date.today()
    pdf, rows = export(directory_db, tmp_path, title="Directorio de la Red · Ñandú 2027")
    after = date.today()
    cover = pdf.pages[0]
    assert "Directorio de la Red · Ñandú 2027" in re.sub(r"\s+", " ", cover)
    assert "RED DE TALENTOS MEXICANOS" in cover and "Instituto de los Mexicanos en el Exterior (IME)" in cover
    assert f"{rows} miembros" in cover and "Por capítulo" in cover
    assert any(f"Generado el {spanish_date(day)}" in cover for day in (before, after))
    total = len(pdf.pages)
    for number, text in enumerate(pdf.pages, 1):
        assert re.search(rf"Página {number} de\s*{total}\b", text), number
    meta = pdf.reader.metadata
    assert meta is not None
    assert meta.title == "Directorio de la Red · Ñandú 2027"
    assert meta.author == AUTHOR
    check_document(pdf.path)


def test_a4_pages(directory_db: Database, tmp_path: Path) -> None:
    pdf, _rows = export(directory_db, tmp_path, page_size="a4")
    box = pdf.reader.pages[3].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert pdf.toc()[0][0] == "Ámsterdam"


def test_spanish_date() -> None:
    assert spanish_date(date(2027, 3, 10)) == "10 de marzo de 2027"
    assert spanish_date(date(2026, 12, 1) - timedelta(days=1)) == "30 de noviembre de 2026"


# -- selection, errors, cancel ---------------------------------------------------------------


def test_selection_by_ids_and_by_query(directory_db: Database, tmp_path: Path) -> None:
    with directory_db.reader() as session:
        ids = list(
            session.scalars(
                sql("SELECT id FROM members WHERE paternal_surname LIKE 'Consentimiento%' ORDER BY id DESC")
            )
        )
    pdf, rows = export(directory_db, tmp_path, selection=[*ids, ids[0]])
    assert rows == 5  # seven selected, two refused
    assert [name for name, _p, _c in pdf.toc()] == ["Houston"]
    _pdf, rows = export(directory_db, tmp_path, "q.pdf", selection=MemberQuery(text="prueba"))
    assert rows == len(SURNAMES)


@pytest.mark.parametrize(
    ("selection", "message"),
    [([], "la selección está vacía"), ("refused", "autorizó aparecer"), ([10**9], "autorizó aparecer")],
)
def test_empty_directory_is_refused(
    directory_db: Database, tmp_path: Path, selection: Any, message: str
) -> None:
    if selection == "refused":
        with directory_db.reader() as session:
            selection = list(session.scalars(sql("SELECT id FROM members WHERE directory_consent = 0")))
        assert len(selection) == 2
    out = tmp_path / "vacio.pdf"
    with pytest.raises(TalentDeskError, match=message):
        export_directory_pdf(directory_db.sessions, selection, out)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"group_by": "ciudad"}, "Agrupación desconocida «ciudad»"),
        ({"page_size": "legal"}, "Tamaño de página desconocido «legal»"),
    ],
)
def test_bad_options_are_refused_in_spanish(
    directory_db: Database, tmp_path: Path, options: dict[str, str], message: str
) -> None:
    with pytest.raises(TalentDeskError, match=message):
        export_directory_pdf(directory_db.sessions, MemberQuery(), tmp_path / "x.pdf", **options)
    assert list(tmp_path.iterdir()) == []


def test_bad_target_is_refused(directory_db: Database, tmp_path: Path) -> None:
    with pytest.raises(TalentDeskError, match=r"debe terminar en \.pdf"):
        export_directory_pdf(directory_db.sessions, MemberQuery(), tmp_path / "x.docx")


@pytest.mark.parametrize("when", ["before", "during layout"])
def test_cancel_leaves_no_file_and_keeps_the_old_one(
    directory_db: Database, tmp_path: Path, when: str
) -> None:
    out = tmp_path / "directorio.pdf"
    out.write_bytes(b"the good directory from yesterday")
    abort = threading.Event()
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        abort.set()

    if when == "before":
        abort.set()
    with pytest.raises(Cancelled, match="cancelada"):
        export_directory_pdf(directory_db.sessions, MemberQuery(), out, progress=progress, abort=abort)
    assert out.read_bytes() == b"the good directory from yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["directorio.pdf"]
    assert calls == ([] if when == "before" else [(100, CONSENTING)])


def test_progress_reaches_the_total(directory_db: Database, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    result = export_directory_pdf(
        directory_db.sessions, MemberQuery(), tmp_path / "d.pdf", progress=lambda d, t: calls.append((d, t))
    )
    assert calls == [(100, CONSENTING), (CONSENTING, CONSENTING)]
    assert result.rows == CONSENTING
