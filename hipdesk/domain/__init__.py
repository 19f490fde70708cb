"""Domain types and rules, free of Qt and storage."""
