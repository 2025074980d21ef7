from talentdesk.db.session import Database
from talentdesk.services.members import count_members


def test_template_has_reference_data(db: Database) -> None:
    with db.reader() as session:
        assert count_members(session) == 0
        assert session.execute(__import__("sqlalchemy").text("select count(*) from sectors")).scalar() == 9
