"""The outcomes editor: a filterable, sortable table of outcomes beside a form that saves as you type."""
