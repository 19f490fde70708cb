"""Mutation testing: how many small, realistic bugs in each core package the unit tests catch.

    python tests/bench/mutation.py                       # domain, engine, db, export, catalogue
    python tests/bench/mutation.py --package engine      # one package (repeat the option for more)
    python tests/bench/mutation.py --keep /tmp/mut       # keep the work folders (survivors, mutmut's own data)
    python tests/bench/mutation.py --package db --tests tests/unit/db   # only these tests (repeatable)
    python tests/bench/mutation.py --package db --mutants "hipdesk.db.recovery*"  # one module's mutants
    python tests/bench/mutation.py --package export --retest /tmp/mut   # only what survived a kept run

``--retest`` tests again only the mutants an earlier run kept with ``--keep`` did not kill (those that
survived it, after new tests were written against them, and those it never reached, when it was
stopped) and counts the rest as that run found them; repeat it, oldest run first, to go on from a
retest. The package's code must be what it was then (new tests only add kills, so the figure is the
one a whole run would give).

For each package, mutmut (configured under ``[tool.mutmut]`` in pyproject.toml) mutates only that
package in a copy of the tree and runs the unit tests that cover each mutated function. The figure per
package is killed / (all - equivalent): a mutant the tests let through is a bug a user could meet,
unless it is listed in ``mutation_equivalent.txt`` beside this script with the reason it behaves as the
original does. Each package's run uses only the tests that cover it (``TESTS`` below, or ``--tests``);
two kinds of test stay out of every run (``LEFT_OUT``): the process-killing tests of
``tests/unit/db/test_kills.py``, which kill real processes at random moments (about a second each, and their
outcome depends on the moment, so a mutant's verdict would too), and the read-only-folder test, whose
HipDesk runs inside the read-only folder, where mutmut's mutated copy cannot find its configuration. Survivors not listed are printed, one per line, with ``mutmut show``'s diff in the
work folder's ``survivors.txt``.
"""

from __future__ import annotations

import argparse
import fnmatch
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("domain", "engine", "db", "export", "catalogue")
EQUIVALENT = Path(__file__).with_name("mutation_equivalent.txt")
GOAL = 0.85
RESULT = re.compile(r"^\s*(\S+): (.+)$")
# the unit tests that exercise each package (the engine and the catalogue are used across tests/unit)
TESTS = {
    "domain": ["tests/unit"],
    "engine": ["tests/unit"],
    "db": ["tests/unit/db"],
    "export": ["tests/unit/export"],
    "catalogue": ["tests/unit"],
}
LEFT_OUT = ["tests/unit/db/test_kills.py", "tests/unit/db/test_read_only_file.py"]
SELECTION = "pytest_add_cli_args_test_selection = "


def equivalent_mutants() -> dict[str, str]:
    """``name: reason`` lines of the equivalence list (``#`` starts a comment)."""
    found: dict[str, str] = {}
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition(": ")
        if not reason.strip():
            raise SystemExit(f"{EQUIVALENT.name}: {name} has no reason")
        found[name.strip()] = reason.strip()
    return found


def prepare(work: Path, package: str, tests: list[str]) -> None:
    """A copy of the tree whose mutmut configuration mutates only ``package`` and runs only ``tests``."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    for name in listed.stdout.splitlines():
        if (ROOT / name).is_file():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, work / name)
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    config = tomllib.loads(text)["tool"]["mutmut"]
    assert f"hipdesk/{package}/*" in config["only_mutate"], f"{package} is not configured for mutmut"
    line = "only_mutate = " + _toml_list(config["only_mutate"])
    assert line in text, "pyproject.toml: keep [tool.mutmut] only_mutate on one line"
    text = text.replace(line, "only_mutate = " + _toml_list([f"hipdesk/{package}/*"]))
    for path in tests:
        if not (ROOT / path.split("::")[0]).exists():
            raise SystemExit(f"--tests {path}: no such test file or folder")
    selection = SELECTION + _toml_list(config["pytest_add_cli_args_test_selection"])
    assert selection in text, "pyproject.toml: keep [tool.mutmut] test selection on one line"
    text = text.replace(selection, SELECTION + _toml_list(tests))
    arguments = "pytest_add_cli_args = [" + text.split("pytest_add_cli_args = [", 1)[1].split("]", 1)[0]
    ignored = "".join(f'"--ignore={path}", ' for path in LEFT_OUT)
    text = text.replace(arguments, arguments.replace("[", "[" + ignored, 1))
    (work / "pyproject.toml").write_text(text, encoding="utf-8")


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


def results(work: Path) -> dict[str, str]:
    """``mutant name: status`` of a mutmut work folder."""
    listed = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=work, capture_output=True, text=True
    )
    return {m[1]: m[2] for line in listed.stdout.splitlines() if (m := RESULT.match(line))}


def _limit(work: Path) -> float:
    """The time limit's multiplier a run used (mutmut's default when its configuration has none)."""
    return float(
        tomllib.loads((work / "pyproject.toml").read_text())["tool"]["mutmut"].get("timeout_multiplier", 15)
    )


def survivors_of(earlier: list[Path], package: str) -> tuple[dict[str, str], list[str]]:
    """The verdicts of earlier kept runs of ``package`` (a later run's verdict wins where it tested the
    mutant), and the mutants none of them killed. A timeout found under a lower time limit than this
    configuration's is no verdict: a slow test can run past such a limit without the mutant hanging."""
    verdicts: dict[str, str] = {}
    for folder in earlier:
        for source in sorted((ROOT / "hipdesk" / package).rglob("*.py")):
            then = folder / source.relative_to(ROOT)
            if not then.is_file() or then.read_bytes() != source.read_bytes():
                raise SystemExit(
                    f"--retest: {source.relative_to(ROOT)} changed since the run in {folder}; run {package} whole"
                )
        found = results(folder)
        if not found:
            raise SystemExit(f"--retest: no mutmut results in {folder}")
        trusted = _limit(folder) >= _limit(ROOT)
        for name, verdict in found.items():
            if verdict == "timeout" and not trusted:
                verdict = "not checked"
            if verdict != "not checked" or name not in verdicts:
                verdicts[name] = verdict
    equivalent = equivalent_mutants()
    left = [
        k for k, v in verdicts.items() if v in ("survived", "no tests", "not checked") and k not in equivalent
    ]
    return verdicts, left


def run(
    package: str,
    work: Path,
    children: int,
    only: list[str] | None = None,
    earlier: dict[str, str] | None = None,
) -> Counter[str]:
    """mutmut on ``work``; ``only``: mutant names or globs (``hipdesk.db.recovery*``), else all;
    ``earlier``: the verdicts of an earlier run, kept for every mutant not tested again."""
    mutmut = [sys.executable, "-m", "mutmut"]
    started = time.monotonic()
    log = work / "mutmut.log"
    if earlier is not None and not only:  # nothing left to test again
        statuses = dict(earlier)
    else:
        with log.open("w", encoding="utf-8") as out:
            command = [*mutmut, "run", "--max-children", str(children), *(only or [])]
            subprocess.run(command, cwd=work, stdout=out, stderr=out)
        statuses = results(work)
    if only:
        statuses = {k: v for k, v in statuses.items() if any(fnmatch.fnmatch(k, glob) for glob in only)}
    if earlier is not None:
        statuses = {**earlier, **statuses}
    if not statuses:
        print(f"{package}: mutmut gave no results; see {log}", file=sys.stderr)
    unchecked = sum(status == "not checked" for status in statuses.values())
    if unchecked:
        print(f"{package}: mutmut stopped before testing {unchecked} mutants; see {log}", file=sys.stderr)
    equivalent = equivalent_mutants()
    counts: Counter[str] = Counter()
    survivors = []
    for name, status in statuses.items():
        if status in ("survived", "no tests") and name in equivalent:
            status = "equivalent"
        counts[status] += 1
        if status in ("survived", "no tests"):
            survivors.append(name)
    with (work / "survivors.txt").open("w", encoding="utf-8") as out:
        for name in survivors:
            shown = subprocess.run([*mutmut, "show", name], cwd=work, capture_output=True, text=True)
            out.write(f"## {name}: {statuses[name]}\n{shown.stdout}\n")
    counts["seconds"] = round(time.monotonic() - started)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", action="append", choices=PACKAGES, help="default: all five")
    parser.add_argument("--children", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument("--keep", type=Path, help="a folder to keep the work copies in")
    parser.add_argument(
        "--tests", action="append", metavar="PATH",
        help="run only these tests (a file, folder or node id; repeat for more); default: the package's own",
    )  # fmt: skip
    parser.add_argument(
        "--mutants", action="append", metavar="GLOB",
        help="test only the mutants whose names match (hipdesk.db.recovery*; repeat for more); default: all",
    )  # fmt: skip
    parser.add_argument(
        "--retest", type=Path, action="append", metavar="FOLDER",
        help="test again only what earlier runs kept in FOLDER (their --keep folders; repeat, oldest first) did not kill",
    )  # fmt: skip
    args = parser.parse_args()
    packages = args.package or list(PACKAGES)
    base = args.keep or Path(tempfile.mkdtemp(prefix="hipdesk-mutation-"))
    rows = []
    for package in packages:
        work = base / package
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        prepare(work, package, args.tests or TESTS[package])
        earlier = None
        only = args.mutants
        if args.retest:
            earlier, only = survivors_of([folder / package for folder in args.retest], package)
            print(
                f"{package}: testing again the {len(only)} mutants the earlier runs did not kill", flush=True
            )
        counts = run(package, work, args.children, only, earlier)
        judged = sum(v for k, v in counts.items() if k not in ("seconds", "equivalent", "skipped"))
        killed = counts["killed"] + counts["timeout"] + counts["caught by type check"]
        rate = killed / judged if judged else 0.0
        rows.append((package, judged + counts["equivalent"], killed, counts["survived"], counts["no tests"],
                     counts["equivalent"], rate, counts["seconds"]))  # fmt: skip
        print(f"{package}: {rate:.1%} killed ({killed} of {judged}; {counts['equivalent']} equivalent) "
              f"in {counts['seconds']} s; survivors in {work / 'survivors.txt'}", flush=True)  # fmt: skip
    print()
    print(f"| package | mutants | killed | survived | no test | equivalent | kill rate (goal {GOAL:.0%}) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for package, total, killed, survived, untested, equivalent, rate, _ in rows:
        print(f"| {package} | {total} | {killed} | {survived} | {untested} | {equivalent} | {rate:.1%} |")
    if not args.keep:
        print(f"\nwork folders: {base}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
