"""Printing and PDF export of routines and the week sheet, with the preview."""
