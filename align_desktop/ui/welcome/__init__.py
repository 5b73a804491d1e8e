"""The welcome screen shown when no workspace is open."""
