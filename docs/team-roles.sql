-- Roles for a team workspace: viewers read it, editors change it, the owner upgrades it.
--
-- Run as the workspace database's owner (the role that published it, or made it with
-- `align-desktop new postgresql://…`), connected to that database:
--     psql "postgresql://owner@server/roadmap" -f docs/team-roles.sql
-- The two group roles are the server's (once per server; the DO block skips them if they exist, and
-- making them needs CREATEROLE, or the server's administrator makes them first); the grants are the
-- database's (once per team workspace). Then give each person a login in one of them:
--     CREATE ROLE maria LOGIN PASSWORD '…' IN ROLE align_editor;
--     CREATE ROLE sam LOGIN PASSWORD '…' IN ROLE align_viewer;
-- Align Desktop opens a team workspace read-only for a role that may not change it.
-- Only the owner can upgrade the schema when a newer Align Desktop first opens it.
-- tests/store/test_team_roles.py runs this file as it is.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'align_viewer') THEN
        CREATE ROLE align_viewer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'align_editor') THEN
        CREATE ROLE align_editor NOLOGIN;
    END IF;
END $$;

GRANT SELECT ON ALL TABLES IN SCHEMA public TO align_viewer;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO align_editor;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO align_editor;  -- UPDATE: undo puts rows back under their ids

-- tables and sequences a later upgrade adds get the same rights
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO align_viewer;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO align_editor;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO align_editor;
