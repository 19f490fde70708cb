"""PDF, calendar, CSV and routine-file export from domain objects."""
