"""File > Export and File > Import: Excel workbooks for finance, executives and round trips."""
