"""Full-text search: the query language, the in-memory index and snippets with hit offsets."""
