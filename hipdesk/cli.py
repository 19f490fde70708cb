"""The ``hipdesk`` command: no arguments opens the window; subcommands script the same services."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from hipdesk import __version__
from hipdesk.domain.errors import HipDeskError

# The commands import the domain themselves: `hipdesk` with no command opens the window, and that
# path must not pay for modules only the commands use.


def _print_json(data: Any) -> None:
    """``data`` as ``json.dumps(data, ensure_ascii=False, indent=2)`` writes it, a list an item at a time."""
    from hipdesk.export.json_text import indented, write_list

    if isinstance(data, list):
        write_list(sys.stdout, data)
    else:
        sys.stdout.write(indented(data) + "\n")


def cmd_exercises(repo: Any, args: argparse.Namespace) -> int:
    from hipdesk.domain.rules import dosage_text
    from hipdesk.domain.serialize import exercise_to_dict

    exercises = repo.exercises()
    if args.json:
        from hipdesk.export.json_text import write_list

        write_list(sys.stdout, (exercise_to_dict(ex) for ex in exercises))
        return 0
    for ex in exercises:
        mark = "" if ex.builtin else "  (yours)"
        print(f"{ex.id:<30} {ex.name:<34} {dosage_text(ex.dosage, ex.sidedness)}{mark}")
    return 0


def cmd_routines(repo: Any, args: argparse.Namespace) -> int:
    from hipdesk.app.settings import current_pace, saved_settings
    from hipdesk.domain.rules import about_seconds, equipment_for, estimate_seconds, plural
    from hipdesk.domain.serialize import item_to_dict

    exercises = repo.exercises_in_routines()  # the names, kit and pace of the routines' exercises
    pace = current_pace(exercises, saved_settings())  # the pace `hipdesk start` runs at
    routines = repo.routines()
    if args.json:
        _print_json(
            [
                {
                    "name": r.name,
                    "notes": r.notes,
                    "items": [item_to_dict(i) for i in r.items],
                    "estimated_s": estimate_seconds(r, pace),
                    "equipment": [e.value for e in equipment_for(r, exercises)],
                }
                for r in routines
            ]
        )
        return 0
    for r in routines:
        kit = ", ".join(e.label for e in equipment_for(r, exercises)) or "no equipment"
        length = about_seconds(estimate_seconds(r, pace))
        print(f"{r.name}: {plural(len(r.items), 'exercise')}, {length}, {kit}")
        for item in r.items:
            ex = exercises.get(item.exercise_id)
            print(f"  - {ex.name if ex else item.exercise_id}")
    return 0


def cmd_week(repo: Any, args: argparse.Namespace) -> int:
    from hipdesk.domain.model import WEEKDAY_NAMES

    plan = repo.week_plan()
    if args.json:
        dated = _dated_runs(repo)
        _print_json(
            [
                {
                    "weekday": day.weekday,
                    "run": day.run.value,
                    "dated_run": dated.get(day.weekday),
                    "routines": [
                        {
                            "name": p.routine_name,
                            "time": p.time.strftime("%H:%M") if p.time else None,
                            "deleted": p.routine_id is None,
                        }
                        for p in day.routines
                    ],
                }
                for day in plan.days
            ]
        )
        return 0
    for day in plan.days:
        planned = ", ".join(
            (f"{p.time:%H:%M} " if p.time else "")
            + p.routine_name
            + (" (deleted)" if p.routine_id is None else "")
            for p in day.routines
        )
        print(f"{WEEKDAY_NAMES[day.weekday]:<10} {day.run.label:<10} {planned or '-'}")
    return 0


def _dated_runs(repo: Any) -> dict[int, dict[str, str]]:
    """The training plan's dated runs for this week (Monday first), by weekday."""
    import datetime as dt

    from hipdesk.db.runs import RunStore

    found = RunStore(repo.db).week_runs(dt.date.today())  # Monday first, as `week` lists the days
    return {
        weekday: {"date": run.day.isoformat(), "kind": run.kind.value, "title": run.title}
        for weekday, run in found.items()
    }


def cmd_import_runs(repo: Any, args: argparse.Namespace) -> int:
    from hipdesk.db.runs import RunStore
    from hipdesk.runs.files import read_run_file
    from hipdesk.runs.model import RunFileError

    store = RunStore(repo.db)
    added = kept = broken = 0
    with store.importing():
        for name in args.files:
            try:
                run = read_run_file(Path(name))
            except RunFileError as exc:
                _tell(str(exc))
                broken += 1
                continue
            if store.add_run(run):
                added += 1
            else:
                kept += 1
    runs = "run" if added == 1 else "runs"
    print(f"imported {added} {runs}" + (f", {kept} already there" if kept else ""))
    return 1 if broken else 0


def cmd_runs(repo: Any, args: argparse.Namespace) -> int:
    from hipdesk.db.runs import RunStore

    runs = RunStore(repo.db).runs()
    if args.json:
        _print_json(
            [
                {
                    "started_at": r.started_at.isoformat(),
                    "kind": r.kind.value,
                    "distance_m": round(r.distance_m, 1),
                    "moving_s": round(r.moving_s),
                    "elevation_gain_m": None if r.elevation_gain_m is None else round(r.elevation_gain_m, 1),
                    "source": r.source,
                }
                for r in runs
            ]
        )
        return 0
    if not runs:
        print("No runs yet.")
    for r in runs:
        when = r.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        minutes = f"{r.moving_s / 60:.0f} min"
        climb = "" if r.elevation_gain_m is None else f", +{r.elevation_gain_m:.0f} m"
        print(f"{when}  {r.kind.label:<9} {r.km:6.2f} km  {minutes}{climb}  {r.source}")
    return 0


def _read_plan_file(args: argparse.Namespace) -> None:
    """Refuse a file that is not a plan before the data is opened (the stored keywords come later)."""
    from hipdesk.runs.model import RunFileError

    path = Path(args.file)
    try:
        head = path.read_bytes()[:4096]
    except OSError as exc:
        raise RunFileError(f"{path.name}: cannot be read ({exc.strerror})") from None
    if b"BEGIN:VCALENDAR" not in head:
        raise RunFileError(f"{path.name}: not an iCalendar (.ics) file")


def cmd_import_plan(repo: Any, args: argparse.Namespace) -> int:
    import datetime as dt

    from hipdesk.db.runs import RunStore
    from hipdesk.runs.plan import read_plan, weekly_pattern

    store = RunStore(repo.db)
    today = dt.date.today()
    zone = dt.datetime.now().astimezone().tzinfo or dt.UTC
    runs = read_plan(Path(args.file), today, args.weeks, zone, store.keywords())
    pattern = weekly_pattern(runs)
    store.save_plan(runs, pattern)
    for run in runs:
        print(f"{run.day:%a %Y-%m-%d}  {run.kind.label:<9} {run.title}")
    planned = "run" if len(runs) == 1 else "runs"
    print(f"imported {len(runs)} planned {planned}; the week's runs are set from them")
    return 0


def cmd_export_routine(repo: Any, args: argparse.Namespace) -> int:
    from hipdesk.app.operations import files

    files.export_routine(repo, args.name, Path(args.output))
    print(f"wrote {args.output}")
    return 0


def cmd_export_ics(repo: Any, args: argparse.Namespace) -> int:
    from hipdesk.app.operations import files
    from hipdesk.domain.serialize import parse_time

    default_time = parse_time(args.time) if args.time is not None else None
    summary, _change = files.export_calendar(
        repo, Path(args.output), default_time, args.timezone, remind_minutes=args.remind
    )
    if args.remind is not None:
        summary += f"; each reminds {args.remind} min before"
    print(f"wrote {args.output}: {summary}")
    return 0


def cmd_export_csv(repo: Any, args: argparse.Namespace) -> int:
    from hipdesk.app.operations import files

    if args.runs:
        runs, _change = files.export_runs_csv(repo, Path(args.output))
        print(f"wrote {args.output}: {runs.count} {'run' if runs.count == 1 else 'runs'}")
        return 0
    sets, _change = files.export_csv(repo, Path(args.output))
    print(f"wrote {args.output}: {sets.count} set {'record' if sets.count == 1 else 'records'}")
    _tell_left_out(sets.left_out)
    return 0


def _report_bad_dates(repo: Any) -> None:
    _tell_left_out(repo.bad_dates())


def _tell_left_out(bad: Sequence[str]) -> None:
    """One line on stderr naming the records left out because a date in them cannot be right."""
    if bad:
        shown = "; ".join(bad[:3]) + (f"; and {len(bad) - 3} more" if len(bad) > 3 else "")
        records = "record" if len(bad) == 1 else "records"
        _tell(f"left out {len(bad)} {records} whose dates cannot be right: {shown}")


def cmd_export_pdf(repo: Any, args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a PDF needs no screen
    from PySide6.QtGui import QGuiApplication

    from hipdesk.app.operations import files
    from hipdesk.export.pdf import parse_paper

    paper = parse_paper(args.paper)
    app = QGuiApplication.instance() or QGuiApplication([])  # fonts need a Gui application
    result, _change = files.export_pdf(repo, Path(args.output), None if args.week else args.routine, paper)
    del app
    pages = f"{result.pages} {'page' if result.pages == 1 else 'pages'}"
    print(f"wrote {args.output}: {pages}, {result.paper.label}")
    return 0


def _read_import_file(args: argparse.Namespace) -> None:
    """Read and check the file before the data is opened or locked: a bad file never waits on the lock."""
    from hipdesk.export.routine_file import read_routine_file

    args.loaded = read_routine_file(Path(args.file))


def cmd_import(repo: Any, args: argparse.Namespace) -> int:
    from hipdesk.app.operations import files
    from hipdesk.domain.rules import plural

    done, _change = files.import_routine(repo, args.loaded)
    saved = done.routine
    note = f" (renamed: '{done.file_name}' exists)" if done.renamed else ""
    print(f"imported routine '{saved.name}' with {plural(len(saved.items), 'exercise')}{note}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from hipdesk.app.operations.backups import backup_file
    from hipdesk.paths import database_path

    written = backup_file(database_path(args.db), Path(args.output) if args.output else None)
    print(f"wrote {written} ({written.stat().st_size // 1024} KiB, checked)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from hipdesk.app.operations.backups import restore_file
    from hipdesk.db.lock import lock_for_writing
    from hipdesk.paths import database_path

    path = database_path(args.db)
    lock = lock_for_writing(path)
    try:
        done = restore_file(path, Path(args.file))
    finally:
        lock.release()
    print(done)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from hipdesk.db.backup import integrity_check, is_foreign, list_backups
    from hipdesk.db.lock import DataLock
    from hipdesk.db.recovery import diagnose
    from hipdesk.paths import database_path

    path = database_path(args.db)
    if not path.is_file():
        raise HipDeskError(f"There is no data file at {path}.")
    lock = DataLock(path)  # held, no HipDesk writes meanwhile and the reading leaves nothing behind
    try:
        alone = lock.acquire()
        if is_foreign(path, alone=alone):
            raise HipDeskError(f"{path} is an SQLite file of another program; it was left untouched.")
        problem = diagnose(path, alone=alone)
        problems = [problem] if problem else integrity_check(path, alone=alone)
    finally:
        lock.release()
    backups = list_backups(path)
    newest = "; no backups yet"
    if backups:
        newest = f"; newest backup {backups[0].created.astimezone():%Y-%m-%d %H:%M}"
    if problems == ["ok"]:
        from hipdesk.domain.rules import plural

        print(f"{path}: ok ({plural(len(backups), 'backup')}{newest})")
        return 0
    for line in problems[:20]:
        print(line)
    raise HipDeskError(
        f"{path} is damaged ({problems[0]}); `hipdesk restore FILE` puts a backup in its place"
        f"{' (' + str(backups[0].path) + ')' if backups else ''}."
    )


def cmd_render_figures(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # images need no screen
    from PySide6.QtGui import QGuiApplication

    from hipdesk.figures.batch import render_figures

    if not 16 <= args.size <= 2000:
        raise HipDeskError(f"--size must be from 16 to 2000 pixels, not {args.size}")
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HipDeskError(f"Cannot create {out}: {exc.strerror or exc}.") from None
    app = QGuiApplication.instance() or QGuiApplication([])
    written = render_figures(out, args.size)
    del app
    print(f"wrote {len(written)} images to {out} (contact sheet: {written[-1].name})")
    return 0


def cmd_start(repo: Any, args: argparse.Namespace) -> int:
    from hipdesk.views.session.launch import run_session_command

    if args.today == bool(args.routine):
        raise HipDeskError("name a routine, or use --today (not both)")
    return run_session_command(repo, args.routine, today=args.today, resume=False, speed=args.speed)


def cmd_resume(repo: Any, args: argparse.Namespace) -> int:
    from hipdesk.views.session.launch import run_session_command

    return run_session_command(repo, None, today=False, resume=True, speed=args.speed)


def _session_json(head: Sequence[Any], sets: Sequence[Sequence[Any]]) -> dict[str, Any]:
    """One session of ``history --json`` from its stored rows (domain.history.LISTED_COLUMNS)."""
    from hipdesk.domain.history import stored_iso

    session_id, _routine_id, routine, started, ended, status, rpe, left, right, notes, preview = head
    return {
        "id": session_id,
        "routine": routine,
        "started_at": stored_iso(started),
        "ended_at": stored_iso(ended),
        "status": status,
        "preview": bool(preview),
        "rpe": rpe,
        "discomfort": {"left": left, "right": right},
        "notes": notes,
        "sets": [
            {
                "exercise_id": exercise_id,
                "side": side,
                "set": number,
                "target": target_reps if target_reps is not None else target_s,
                "actual": actual_reps if actual_reps is not None else actual_s,
                "unit": "reps" if target_reps is not None else "s",
                "skipped": bool(skipped),
                "started_at": stored_iso(set_started),
                "ended_at": stored_iso(set_ended),
            }
            for (_sid, exercise_id, side, number, target_reps, target_s, actual_reps, actual_s, skipped,
                 _item, set_started, set_ended) in sets
        ],
    }  # fmt: skip


def _print_json_stream(items: Iterator[dict[str, Any]]) -> None:
    """A JSON list written as its items come, one item a line (long lists: memory stays flat)."""
    import json

    out = sys.stdout
    first = True
    for item in items:
        out.write("[\n  " if first else ",\n  ")
        out.write(json.dumps(item, ensure_ascii=False))
        first = False
    out.write("[]\n" if first else "\n]\n")


def cmd_history(repo: Any, args: argparse.Namespace) -> int:
    _report_bad_dates(repo)
    if args.json:
        _print_json_stream(_session_json(head, sets) for head, sets in repo.session_rows())
        return 0
    empty = True
    lines = []
    for s, done, skipped in repo.listed_sessions():
        empty = False
        when = s.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        status = f"{s.status.value} (preview)" if s.preview else s.status.value
        sets = f"{done} set" if done == 1 else f"{done} sets"
        lines.append(f"{when}  {s.routine_name:<28} {status:<9} {sets} done, {skipped} skipped")
        if len(lines) >= 1000:
            print("\n".join(lines))
            lines.clear()
    if lines:
        print("\n".join(lines))
    if empty:
        print("No sessions yet.")
    return 0


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.1 <= value <= 1000:
        raise argparse.ArgumentTypeError("the speed goes from 0.1 to 1000")
    return value


def _add_window_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``hipdesk`` itself, before any command (with none: the window's)."""
    parser.add_argument("--version", action="version", version=f"HipDesk {__version__}")
    parser.add_argument("--db", metavar="PATH", help="use this database file instead of the usual one")
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help="open the window, wait for its first paint and exit (for smoke tests)",
    )
    parser.add_argument(
        "--background",
        action="store_true",
        help="start without showing the window, to remind of the week plan (as at login); "
        "with reminders off the window opens as usual",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what HipDesk does")


def _window_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments when they are options alone (the window opens), read without making every
    command's parser first; None when there is a command, a request for help or anything else."""
    options = argparse.ArgumentParser(prog="hipdesk", add_help=False, allow_abbrev=False, exit_on_error=False)
    _add_window_options(options)
    try:
        args, rest = options.parse_known_args(argv)
    except argparse.ArgumentError:
        return None  # the full parser says what is wrong
    if rest:
        return None
    args.command = None
    return args


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hipdesk",
        description="Hip strength and mobility for runners. With no command, opens the window.",
    )
    _add_window_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[..., int], help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    add("exercises", cmd_exercises, "list the exercise library").add_argument(
        "--json", action="store_true", help="print JSON"
    )
    add("routines", cmd_routines, "list the routines").add_argument(
        "--json", action="store_true", help="print JSON"
    )
    add("week", cmd_week, "show the week plan, Monday first").add_argument(
        "--json", action="store_true", help="print JSON"
    )
    for name in ("exercises", "routines", "week"):
        sub.choices[name].set_defaults(reads_only=True)
    export = sub.add_parser(
        "export", help="write a routine file or the week as a calendar", description="write files"
    )
    export.set_defaults(reads_only=True)
    export_sub = export.add_subparsers(dest="what", metavar="WHAT", required=True)
    routine = export_sub.add_parser("routine", help="a routine as a file to share")
    routine.add_argument("name", help="the routine's name")
    routine.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write it")
    routine.set_defaults(func=cmd_export_routine)
    ics = export_sub.add_parser(
        "ics",
        help="the week plan as an iCalendar file",
        description="Write the week plan as an iCalendar file: one weekly event per planned routine, "
        "in the local time zone. Importing it again updates the events instead of adding them twice.",
    )
    ics.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write it (.ics)")
    ics.add_argument(
        "--time",
        metavar="HH:MM",
        help="the time for routines planned without one (default 07:00)",
    )
    ics.add_argument(
        "--timezone",
        metavar="ZONE",
        help="the time zone of the times, e.g. Europe/Berlin (default: the system's)",
    )
    ics.add_argument(
        "--remind",
        type=int,
        metavar="MINUTES",
        help="add an alarm this many minutes before each event, so a phone calendar reminds too",
    )
    ics.set_defaults(func=cmd_export_ics)
    pdf = export_sub.add_parser(
        "pdf",
        help="an illustrated routine, or the week sheet, as a PDF to print",
        description="Write a routine (each exercise with its figure, steps, cues and tick boxes) or "
        "the week sheet (landscape, a tick box for each planned routine) as a PDF.",
    )
    pdf_what = pdf.add_mutually_exclusive_group(required=True)
    pdf_what.add_argument("--routine", metavar="NAME", help="the routine to print")
    pdf_what.add_argument("--week", action="store_true", help="the week plan, as a sheet for the wall")
    pdf.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write it (.pdf)")
    pdf.add_argument(
        "--paper", type=str.lower, choices=["a4", "letter"], help="the paper size (default: the locale's)"
    )
    pdf.set_defaults(func=cmd_export_pdf)
    csv_parser = export_sub.add_parser(
        "csv",
        help="every recorded set as a spreadsheet (CSV)",
        description="Write one row per recorded set, with its session, under a header row; "
        "dates in ISO 8601 with the UTC offset.",
    )
    csv_parser.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write it (.csv)")
    csv_parser.add_argument("--runs", action="store_true", help="the imported runs instead of the sets")
    csv_parser.set_defaults(func=cmd_export_csv)
    imports = add("import", cmd_import, "add a routine from a routine file")
    imports.add_argument("file", metavar="FILE")
    imports.set_defaults(before_open=_read_import_file)
    start = add("start", cmd_start, "start a guided session (the session window alone)")
    start.add_argument("routine", nargs="?", help="the routine's name")
    start.add_argument("--today", action="store_true", help="today's planned routine")
    start.add_argument(
        "--speed", type=_speed, default=1.0, metavar="FACTOR",
        help="run the clock faster (FACTOR > 1 previews the routine with no input at all)",
    )  # fmt: skip
    resume = add("resume", cmd_resume, "go on with the session that was interrupted")
    resume.add_argument("--speed", type=_speed, default=1.0, metavar="FACTOR", help="as for start")
    add("history", cmd_history, "list the sessions, newest first").add_argument(
        "--json", action="store_true", help="print JSON"
    )
    sub.choices["history"].set_defaults(reads_only=True)
    runs_in = add("import-runs", cmd_import_runs, "add runs from the watch's GPX, TCX or FIT files")
    runs_in.add_argument("files", nargs="+", metavar="FILE")
    add("runs", cmd_runs, "list the imported runs, newest first").add_argument(
        "--json", action="store_true", help="print JSON"
    )
    sub.choices["runs"].set_defaults(reads_only=True)
    plan_in = add(
        "import-plan", cmd_import_plan, "read a training plan (.ics) and set the week's runs from it"
    )
    plan_in.add_argument("file", metavar="FILE.ics")
    plan_in.add_argument(
        "--weeks",
        type=int,
        default=8,
        choices=range(1, 53),
        metavar="N",
        help="weeks ahead to read (default 8)",
    )
    plan_in.set_defaults(before_open=_read_plan_file)
    backup = add("backup", cmd_backup, "write a checked backup (into backups/ beside the data, or FILE)")
    backup.add_argument("-o", "--output", metavar="FILE", help="where to write it")
    backup.set_defaults(needs_db=False)
    restore = add("restore", cmd_restore, "put a backup in place of the data (the data as it was is kept)")
    restore.add_argument("file", metavar="FILE", help="the backup (see the backups/ folder beside the data)")
    restore.set_defaults(needs_db=False)
    add("check", cmd_check, "check the data file in full (integrity_check)").set_defaults(needs_db=False)
    figures = sub.add_parser("render-figures", help="draw every exercise's figure to PNG files")
    figures.add_argument("--out", required=True, metavar="DIR", help="the folder to write to")
    figures.add_argument("--size", type=int, default=240, metavar="PX", help="the size of one frame")
    figures.set_defaults(func=cmd_render_figures, needs_db=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _window_args(argv) or build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.db is not None and not args.db.strip():
        print("hipdesk: --db needs the path of a file (it was empty).", file=sys.stderr)
        return 1
    if args.command is None:
        from hipdesk.views.shell.start import run_app

        return run_app(args.db, exit_after_startup=args.exit_after_startup, background=args.background)
    try:
        if not getattr(args, "needs_db", True):
            return int(args.func(args))
        if getattr(args, "before_open", None) is not None:
            args.before_open(args)
        from hipdesk.db import lock as data_lock
        from hipdesk.db.database import storage_errors
        from hipdesk.paths import database_path
        from hipdesk.store import open_store

        path = database_path(args.db)
        reads_only = getattr(args, "reads_only", False)
        lock = data_lock.DataLock(path)  # one writer at a time; a reader alone reads what is there
        if (
            not lock.acquire(0 if reads_only else data_lock.WRITER_WAIT_MS)
            and lock.held_elsewhere
            and not reads_only
        ):
            raise HipDeskError(lock.in_use_text())
        try:
            repo = open_store(path, notify=_tell, read_only=not lock.locked and reads_only and path.exists())
            if reads_only:
                lock.share()  # set up and checked: a reader never keeps the window from opening
            try:
                with storage_errors(path):
                    return int(args.func(repo, args))
            finally:
                repo.db.close()
        finally:
            lock.release()
    except HipDeskError as exc:
        print(f"hipdesk: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


def _tell(text: str) -> None:
    print(f"hipdesk: {text}", file=sys.stderr, flush=True)


def entry_point() -> None:
    from hipdesk.app import process_exit

    process_exit.finish(main())  # a speech engine stuck in its server must not hold the exit


if __name__ == "__main__":
    entry_point()
