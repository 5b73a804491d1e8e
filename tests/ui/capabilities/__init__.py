"""Tests of the capability catalogue view."""
