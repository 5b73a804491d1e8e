"""Workshop mode: the Workshop view, the session editor, the decision log and the presenter layout."""
