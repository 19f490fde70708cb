"""Renders an exercise's keyframes to a PNG: ``python -m hipdesk.figures.preview ID --out F.png``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hipdesk.figures.preview", description=__doc__)
    parser.add_argument("exercise_id")
    parser.add_argument("--out", type=Path, required=True, help="PNG file to write")
    parser.add_argument("--size", type=int, default=360, help="height of each keyframe cell in pixels")
    parser.add_argument("--side", choices=("left", "right"), help="mirror to show this side")
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    parser.add_argument("--frames", type=int, default=0, help="also show N in-between frames of the loop")
    parser.add_argument("--view", help="override the view: AZIMUTH,ELEVATION")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    from hipdesk.figures.batch import preview_image
    from hipdesk.figures.poses import PoseError

    try:
        image = preview_image(
            args.exercise_id, args.size, side=args.side, dark=args.dark, frames=args.frames, view=args.view
        )
    except PoseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not image.save(str(args.out)):
        print(f"error: cannot write {args.out}", file=sys.stderr)
        return 1
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
