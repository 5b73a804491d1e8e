"""Bundled sample workspaces as readable JSON documents (installed as `align_desktop.sample_workspaces`)."""
