"""The capability matrix view: initiatives × capabilities with required maturity, and the ranking."""
