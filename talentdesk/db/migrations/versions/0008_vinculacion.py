"""vinculación: linkage programmes (kinds, people, outcomes, status history), needs and their
candidates (stage history), saved members lists

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-07 17:42:33

New tables only (members and the full-text index are not touched). The built-in programme
kinds are seeded with fixed codes, as the sectors and contribution types were in 0001.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "program_kinds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_kinds")),
        sa.UniqueConstraint("code", name=op.f("uq_program_kinds_code")),
        sa.UniqueConstraint("name", name=op.f("uq_program_kinds_name")),
    )
    _builtin_kinds()
    op.create_table(
        "saved_lists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("inteligente", "fija", name="savedlistkind", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("query", sa.Text(), nullable=True),
        sa.Column("user", sa.String(length=120), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_lists")),
        sa.UniqueConstraint("name", name=op.f("uq_saved_lists_name")),
    )
    op.create_table(
        "programs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("sector_id", sa.Integer(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "propuesta",
                "en_curso",
                "concluido",
                "cancelado",
                name="programstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("status_changed_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kind_id"],
            ["program_kinds.id"],
            name=op.f("fk_programs_kind_id_program_kinds"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sector_id"], ["sectors.id"], name=op.f("fk_programs_sector_id_sectors"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programs")),
    )
    with op.batch_alter_table("programs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_programs_kind_id"), ["kind_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_programs_sector_id"), ["sector_id"], unique=False)
        batch_op.create_index("ix_programs_status_starts", ["status", "starts_on"], unique=False)

    op.create_table(
        "needs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("sector_id", sa.Integer(), nullable=True),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("keywords", sa.String(length=300), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("city", sa.String(length=120), nullable=True),
        sa.Column("chapter_id", sa.Integer(), nullable=True),
        sa.Column("contribution_id", sa.Integer(), nullable=True),
        sa.Column(
            "degree_level",
            sa.Enum(
                "licenciatura",
                "especialidad",
                "maestria",
                "doctorado",
                "posdoctorado",
                name="degreelevel",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("languages", sa.String(length=200), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("people_wanted", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("abierta", "cubierta", "cerrada", name="needstatus", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("program_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chapter_id"], ["chapters.id"], name=op.f("fk_needs_chapter_id_chapters"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["contribution_id"],
            ["contribution_types.id"],
            name=op.f("fk_needs_contribution_id_contribution_types"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_needs_organization_id_organizations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["program_id"], ["programs.id"], name=op.f("fk_needs_program_id_programs"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["sector_id"], ["sectors.id"], name=op.f("fk_needs_sector_id_sectors"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_needs")),
    )
    with op.batch_alter_table("needs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_needs_chapter_id"), ["chapter_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_needs_contribution_id"), ["contribution_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_needs_organization_id"), ["organization_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_needs_program_id"), ["program_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_needs_sector_id"), ["sector_id"], unique=False)

    op.create_table(
        "program_chapters",
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("chapter_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chapter_id"],
            ["chapters.id"],
            name=op.f("fk_program_chapters_chapter_id_chapters"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_program_chapters_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("program_id", "chapter_id", name=op.f("pk_program_chapters")),
    )
    with op.batch_alter_table("program_chapters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_program_chapters_chapter_id"), ["chapter_id"], unique=False)

    op.create_table(
        "program_organizations",
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_program_organizations_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_program_organizations_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("program_id", "organization_id", name=op.f("pk_program_organizations")),
    )
    with op.batch_alter_table("program_organizations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_program_organizations_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "program_outcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "estudiantes_colocados",
                "estudiantes_atendidos",
                "instituciones_mentoradas",
                "proyectos_evaluados",
                "convenios_firmados",
                "inversion_mxn",
                "inversion_usd",
                "platicas",
                "asistentes",
                name="outcomekind",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("achieved_on", sa.Date(), nullable=True),
        sa.Column("narrative", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_program_outcomes_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_outcomes")),
    )
    with op.batch_alter_table("program_outcomes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_program_outcomes_program_id"), ["program_id"], unique=False)

    op.create_table(
        "program_people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column(
            "role",
            sa.Enum(
                "mentor",
                "evaluador",
                "ponente",
                "anfitrion_pasantes",
                "lider_proyecto",
                "asesor",
                "coordinador",
                "participante",
                name="programrole",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("hours", sa.Float(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_program_people_member_id_members"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_program_people_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_people")),
        sa.UniqueConstraint(
            "program_id", "member_id", "role", name=op.f("uq_program_people_program_id_member_id_role")
        ),
    )
    with op.batch_alter_table("program_people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_program_people_member_id"), ["member_id"], unique=False)

    op.create_table(
        "program_sectors",
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("sector_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_program_sectors_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sector_id"],
            ["sectors.id"],
            name=op.f("fk_program_sectors_sector_id_sectors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("program_id", "sector_id", name=op.f("pk_program_sectors")),
    )
    with op.batch_alter_table("program_sectors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_program_sectors_sector_id"), ["sector_id"], unique=False)

    op.create_table(
        "program_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "propuesta",
                "en_curso",
                "concluido",
                "cancelado",
                name="programstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_program_status_changes_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_status_changes")),
    )
    with op.batch_alter_table("program_status_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_program_status_changes_program_id"), ["program_id"], unique=False
        )

    op.create_table(
        "saved_list_members",
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["saved_lists.id"],
            name=op.f("fk_saved_list_members_list_id_saved_lists"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_saved_list_members_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("list_id", "member_id", name=op.f("pk_saved_list_members")),
    )
    with op.batch_alter_table("saved_list_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_saved_list_members_member_id"), ["member_id"], unique=False)

    op.create_table(
        "need_candidates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "contactado",
                "interesado",
                "aceptado",
                "declino",
                name="candidatestage",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("stage_changed_at", sa.DateTime(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_need_candidates_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["need_id"], ["needs.id"], name=op.f("fk_need_candidates_need_id_needs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_need_candidates")),
        sa.UniqueConstraint("need_id", "member_id", name=op.f("uq_need_candidates_need_id_member_id")),
    )
    with op.batch_alter_table("need_candidates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_need_candidates_member_id"), ["member_id"], unique=False)

    op.create_table(
        "need_sectors",
        sa.Column("need_id", sa.Integer(), nullable=False),
        sa.Column("sector_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["need_id"], ["needs.id"], name=op.f("fk_need_sectors_need_id_needs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["sector_id"], ["sectors.id"], name=op.f("fk_need_sectors_sector_id_sectors"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("need_id", "sector_id", name=op.f("pk_need_sectors")),
    )
    with op.batch_alter_table("need_sectors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_need_sectors_sector_id"), ["sector_id"], unique=False)

    op.create_table(
        "need_candidate_stages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "contactado",
                "interesado",
                "aceptado",
                "declino",
                name="candidatestage",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["need_candidates.id"],
            name=op.f("fk_need_candidate_stages_candidate_id_need_candidates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_need_candidate_stages")),
    )
    with op.batch_alter_table("need_candidate_stages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_need_candidate_stages_candidate_id"), ["candidate_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("need_candidate_stages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_need_candidate_stages_candidate_id"))

    op.drop_table("need_candidate_stages")
    with op.batch_alter_table("need_sectors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_need_sectors_sector_id"))

    op.drop_table("need_sectors")
    with op.batch_alter_table("need_candidates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_need_candidates_member_id"))

    op.drop_table("need_candidates")
    with op.batch_alter_table("saved_list_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_saved_list_members_member_id"))

    op.drop_table("saved_list_members")
    with op.batch_alter_table("program_status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_program_status_changes_program_id"))

    op.drop_table("program_status_changes")
    with op.batch_alter_table("program_sectors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_program_sectors_sector_id"))

    op.drop_table("program_sectors")
    with op.batch_alter_table("program_people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_program_people_member_id"))

    op.drop_table("program_people")
    with op.batch_alter_table("program_outcomes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_program_outcomes_program_id"))

    op.drop_table("program_outcomes")
    with op.batch_alter_table("program_organizations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_program_organizations_organization_id"))

    op.drop_table("program_organizations")
    with op.batch_alter_table("program_chapters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_program_chapters_chapter_id"))

    op.drop_table("program_chapters")
    with op.batch_alter_table("needs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_needs_sector_id"))
        batch_op.drop_index(batch_op.f("ix_needs_program_id"))
        batch_op.drop_index(batch_op.f("ix_needs_organization_id"))
        batch_op.drop_index(batch_op.f("ix_needs_contribution_id"))
        batch_op.drop_index(batch_op.f("ix_needs_chapter_id"))

    op.drop_table("needs")
    with op.batch_alter_table("programs", schema=None) as batch_op:
        batch_op.drop_index("ix_programs_status_starts")
        batch_op.drop_index(batch_op.f("ix_programs_sector_id"))
        batch_op.drop_index(batch_op.f("ix_programs_kind_id"))

    op.drop_table("programs")
    op.drop_table("saved_lists")
    op.drop_table("program_kinds")


#: The kinds of programme of the founding document (code, Spanish name); the office adds others.
BUILTIN_KINDS = [
    ("pasantia", "Pasantía"),
    ("mentoria", "Mentoría a institución mexicana"),
    ("visita", "Visita / conferencia en México"),
    ("comite_evaluacion", "Comité de evaluación de proyectos"),
    ("mision", "Misión comercial o de aprendizaje"),
    ("innovacion_binacional", "Proyecto de innovación binacional"),
    ("atencion_capitulo", "Atención a capítulo"),
]


def _builtin_kinds() -> None:
    kinds = sa.table(
        "program_kinds", sa.column("id"), sa.column("code"), sa.column("name"), sa.column("builtin")
    )
    op.bulk_insert(
        kinds,
        [
            {"id": n, "code": code, "name": name, "builtin": True}
            for n, (code, name) in enumerate(BUILTIN_KINDS, start=1)
        ],
    )
