"""Tests of the dot-vote panel and its launcher."""
