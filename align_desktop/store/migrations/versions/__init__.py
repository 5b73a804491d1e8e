"""Migration steps; each revision id is the schema version it produces, zero-padded."""
