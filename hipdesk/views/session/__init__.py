"""The guided session: its window, driver, figures, cues and settings."""
