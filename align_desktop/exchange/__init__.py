"""Excel exchange: the workbook format v1, exports for finance, executives and round trips, and imports."""
