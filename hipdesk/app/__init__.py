"""The application layer: the open data, its services, and the operations that the window and
the command line share."""
