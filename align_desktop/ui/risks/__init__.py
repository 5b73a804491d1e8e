"""The Risks view: the risk register in business terms beside the inherent and residual heat maps."""
