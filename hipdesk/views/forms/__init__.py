"""Code generated from the Designer forms in ``ui/`` (see ``compile.py``)."""
