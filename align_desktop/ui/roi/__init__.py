"""The ROI view: pick an initiative, edit its business case, see its figures, charts and the portfolio."""
