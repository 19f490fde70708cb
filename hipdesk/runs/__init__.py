"""Runs from the watch (GPX, TCX, FIT) and the training plan (ICS): pure readers, no Qt, no storage."""
