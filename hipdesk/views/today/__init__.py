"""The Today page: what is planned now, and the way into the session."""
