"""The guided-session engine: a pure state machine over a routine (no Qt, no storage)."""
