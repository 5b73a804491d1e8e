"""Charts and the PDF report, drawn with matplotlib and shared by the UI and the exports.

matplotlib is imported inside the functions that draw, never when this package is imported,
so the GUI starts without it (see DESIGN.md, "Architecture").
"""
