"""Tests of the risk register view and its heat maps."""
