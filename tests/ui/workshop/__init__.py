"""Tests of workshop mode: sessions, the presenter layout and its countdown, the decision log."""
