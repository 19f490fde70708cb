"""The article's exercise library: loading and validating the shipped files, and starter content."""
