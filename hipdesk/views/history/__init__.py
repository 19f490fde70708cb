"""The History page: sessions, charts and the calendar."""
