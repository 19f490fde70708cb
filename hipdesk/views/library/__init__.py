"""The Library page: browsing the exercises, and the exercise editor."""
