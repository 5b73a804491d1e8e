"""The capability catalogue: a filterable, sortable, editable table of platform capabilities beside a form."""
