"""Build the standalone HipDesk bundle (PyInstaller, onedir) from packaging/hipdesk.spec.

    python packaging/build_bundle.py [DIST]     # default DIST: dist/ at the top of the repository

The result is DIST/hipdesk/ with the executable DIST/hipdesk/hipdesk. Prints how long the build took
and how big the bundle is. Needs PyInstaller in the running Python (`pip install '.[bundle]'`);
PyInstaller's work files go to build/ beside DIST.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "hipdesk.spec"


def tree_size(folder: Path) -> tuple[int, int]:
    """Bytes used by the files under ``folder`` (links not followed) and their number."""
    total = count = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath, name)
            if not path.is_symlink():
                total += path.stat().st_size
                count += 1
    return total, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the standalone HipDesk bundle (PyInstaller onedir).")
    parser.add_argument("dist", nargs="?", default=str(ROOT / "dist"), help="where to put it (default dist/)")
    parser.add_argument("--work", help="PyInstaller's work folder (default: build/ beside DIST)")
    args = parser.parse_args(argv)
    dist = Path(args.dist).resolve()
    work = Path(args.work).resolve() if args.work else dist.parent / "build"
    try:
        import PyInstaller
    except ImportError:
        print("build_bundle: PyInstaller is missing: pip install '.[bundle]'", file=sys.stderr)
        return 1
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(SPEC),
    ]  # fmt: skip
    print(f"PyInstaller {PyInstaller.__version__}: {' '.join(command[3:])}", flush=True)
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT)
    took = time.monotonic() - started
    if result.returncode != 0:
        print(f"build_bundle: PyInstaller failed (exit {result.returncode}, {took:.0f} s)", file=sys.stderr)
        return result.returncode
    bundle = dist / "hipdesk"
    size, files = tree_size(bundle)
    print(f"built {bundle} in {took:.0f} s")
    du = subprocess.run(["du", "-sh", str(bundle)], capture_output=True, text=True).stdout.split("\t")[0]
    print(f"size: {size / 2**20:.0f} MiB in {files} files (du -sh: {du or '?'}); run {bundle / 'hipdesk'}")
    print(f"smoke test: {Path(sys.executable).name} packaging/smoke_test.py {bundle}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
