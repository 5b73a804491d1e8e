"""Pure product logic: vocabulary, readiness, keys and board filtering. No Qt, no database."""
