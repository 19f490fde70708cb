"""The one way the code reaches the data files shipped in ``resources/``."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _root() -> Path:
    # Inside an installed wheel the files sit in ``hipdesk/_resources``; in a source checkout they
    # sit beside the package, in the top-level ``resources/`` folder.
    for candidate in (_HERE / "_resources", _HERE.parent / "resources"):
        if (candidate / "exercises").is_dir():
            return candidate
    raise FileNotFoundError("HipDesk's data files are missing: reinstall HipDesk")


def resource_path(*parts: str) -> Path:
    """The path of a shipped data file, e.g. ``resource_path("exercises", "bird-dog.toml")``."""
    return _root().joinpath(*parts)


def exercise_files() -> list[Path]:
    """The built-in exercise files, in name order (pose files beside them are not included)."""
    folder = resource_path("exercises")
    return sorted(p for p in folder.glob("*.toml") if not p.name.endswith(".poses.toml"))


def pose_file(exercise_id: str) -> Path:
    """The file holding an exercise's illustration keyframes (it may not exist)."""
    return resource_path("exercises", f"{exercise_id}.poses.toml")
