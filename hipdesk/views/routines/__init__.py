"""The Routines page: the routine editor with its models, delegates and undo commands."""
