"""Offline copies of team workspaces: a downloaded copy remembers where it came from and what it held.

`team_origin` has one row in a file downloaded from a team workspace, none anywhere else (a team
workspace's own table stays empty): the team workspace's address (never a password), an id naming
the copy, when and by whom it was downloaded, its content then (`base`, an XZ-compressed JSON
document of `store.push_content`), and when its changes were pushed back (NULL until then).

A copy is pushed once. `pushed_copy`, on the team workspace, lists the copies pushed to it, written
in the push's own transaction: a copy whose push committed but which was not told (the program was
killed in between), or a second file copied from one copy, is refused too.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_origin",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("address", sa.String(500), nullable=False),
        sa.Column("copy_id", sa.String(32), nullable=False),
        sa.Column("downloaded_at", sa.DateTime, nullable=False),
        sa.Column("downloaded_by", sa.String(120), nullable=False),
        sa.Column("base", sa.LargeBinary, nullable=False),
        sa.Column("pushed_at", sa.DateTime, nullable=True),
        sa.CheckConstraint("id = 1", name="one_origin"),
    )
    op.create_table(
        "pushed_copy",
        sa.Column("copy_id", sa.String(32), primary_key=True),
        sa.Column("pushed_at", sa.DateTime, nullable=False),
        sa.Column("pushed_by", sa.String(120), nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("Workspaces are never migrated backwards; restore a backup instead.")
