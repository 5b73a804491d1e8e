"""Align Desktop: an offline planning tool tying a product roadmap to the ML platform it needs."""

__version__ = "0.1.0"
