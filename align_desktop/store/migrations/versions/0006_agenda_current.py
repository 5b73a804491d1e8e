"""Where a running session stands: the agenda item the room is on, so that presenting resumes there.

Until now the current item was taken to be the first one without time recorded, which is wrong
once the facilitator has gone back to an earlier item, and the time of the current item was
stored only on moving on. Existing items start with no current one (the old rule then applies).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("agenda_item", sa.Column("current", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    raise NotImplementedError("Workspaces are never migrated backwards; restore a backup instead.")
