"""Dot voting in a workshop session: the vote panel, its tiles, participants and result, and its launcher."""
