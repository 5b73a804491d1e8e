"""The What Changed view: compare two snapshots of the workspace, or one with the workspace now."""
