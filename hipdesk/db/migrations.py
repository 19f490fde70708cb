"""Ordered schema steps, keyed by ``PRAGMA user_version``; each runs in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable

from peewee import SqliteDatabase

logger = logging.getLogger(__name__)

# Version 1, frozen as SQL so that later changes to models.py never change what step 1 creates.
_V1 = (
    """CREATE TABLE "exercise" ("id" INTEGER NOT NULL PRIMARY KEY, "slug" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "builtin" INTEGER NOT NULL, "sort_order" INTEGER NOT NULL, "based_on" VARCHAR(255), "data" TEXT NOT NULL, "retired" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)""",
    """CREATE TABLE "meta" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)""",
    """CREATE TABLE "planned_routine" ("id" INTEGER NOT NULL PRIMARY KEY, "weekday" INTEGER NOT NULL, "routine_id" INTEGER, "routine_name" VARCHAR(255) NOT NULL, "time" VARCHAR(255), "position" INTEGER NOT NULL, FOREIGN KEY ("weekday") REFERENCES "week_day" ("weekday") ON DELETE CASCADE, FOREIGN KEY ("routine_id") REFERENCES "routine" ("id") ON DELETE SET NULL)""",
    """CREATE TABLE "routine" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "notes" TEXT NOT NULL, "position" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)""",
    """CREATE TABLE "routine_item" ("id" INTEGER NOT NULL PRIMARY KEY, "routine_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "exercise_id" INTEGER NOT NULL, "section" VARCHAR(255) NOT NULL, "sets" INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 20), "reps" INTEGER CHECK (reps BETWEEN 1 AND 200), "hold_s" INTEGER CHECK (hold_s BETWEEN 1 AND 600), "work_s" INTEGER CHECK (work_s BETWEEN 1 AND 3600), "sides" VARCHAR(255) NOT NULL, "rest_s" INTEGER NOT NULL CHECK (rest_s BETWEEN 0 AND 900), "rest_after_s" INTEGER NOT NULL CHECK (rest_after_s BETWEEN 0 AND 1800), "rep_mode" VARCHAR(255) NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("routine_id") REFERENCES "routine" ("id") ON DELETE CASCADE, FOREIGN KEY ("exercise_id") REFERENCES "exercise" ("id") ON DELETE RESTRICT)""",
    """CREATE TABLE "session" ("id" INTEGER NOT NULL PRIMARY KEY, "routine_id" INTEGER, "routine_name" VARCHAR(255) NOT NULL, "plan" TEXT NOT NULL, "started_at" DATETIME NOT NULL, "ended_at" DATETIME, "status" VARCHAR(255) NOT NULL, "resume_step" INTEGER, "rpe" INTEGER CHECK (rpe BETWEEN 1 AND 10), "discomfort_left" INTEGER CHECK (discomfort_left BETWEEN 0 AND 10), "discomfort_right" INTEGER CHECK (discomfort_right BETWEEN 0 AND 10), "notes" TEXT NOT NULL, FOREIGN KEY ("routine_id") REFERENCES "routine" ("id") ON DELETE SET NULL)""",
    """CREATE TABLE "set_record" ("id" INTEGER NOT NULL PRIMARY KEY, "session_id" INTEGER NOT NULL, "item_index" INTEGER NOT NULL, "exercise_slug" VARCHAR(255) NOT NULL, "exercise_name" VARCHAR(255) NOT NULL, "side" VARCHAR(255) NOT NULL, "set_number" INTEGER NOT NULL, "target_reps" INTEGER, "target_s" INTEGER, "actual_reps" INTEGER, "actual_s" REAL, "skipped" INTEGER NOT NULL, "started_at" DATETIME, "ended_at" DATETIME, FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE CASCADE)""",
    """CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)""",
    """CREATE TABLE "week_day" ("weekday" INTEGER NOT NULL PRIMARY KEY CHECK (weekday BETWEEN 0 AND 6), "run" VARCHAR(255) NOT NULL)""",
    """CREATE INDEX "exercise_builtin" ON "exercise" ("builtin")""",
    """CREATE INDEX "exercise_name" ON "exercise" ("name")""",
    """CREATE UNIQUE INDEX "exercise_slug" ON "exercise" ("slug")""",
    """CREATE INDEX "planned_routine_routine_id" ON "planned_routine" ("routine_id")""",
    """CREATE INDEX "planned_routine_weekday" ON "planned_routine" ("weekday")""",
    """CREATE INDEX "routine_item_exercise_id" ON "routine_item" ("exercise_id")""",
    """CREATE INDEX "routine_item_routine_id" ON "routine_item" ("routine_id")""",
    """CREATE INDEX "routine_item_routine_id_position" ON "routine_item" ("routine_id", "position")""",
    """CREATE UNIQUE INDEX "routine_name" ON "routine" ("name")""",
    """CREATE INDEX "session_routine_id" ON "session" ("routine_id")""",
    """CREATE INDEX "session_started_at" ON "session" ("started_at")""",
    """CREATE INDEX "session_status" ON "session" ("status")""",
    """CREATE INDEX "set_record_exercise_slug_started_at" ON "set_record" ("exercise_slug", "started_at")""",
    """CREATE INDEX "set_record_session_id" ON "set_record" ("session_id")""",
)


def _v1(db: SqliteDatabase) -> None:
    for statement in _V1:
        db.execute_sql(statement)
    db.execute_sql(
        "INSERT INTO week_day (weekday, run) VALUES (0,'none'),(1,'none'),(2,'none'),"
        "(3,'none'),(4,'none'),(5,'none'),(6,'none')"
    )


def _v2(db: SqliteDatabase) -> None:
    # A set done again (Back in a session, or a resumed session) replaces its record: one record per
    # session, item, side and set. Older files could not hold duplicates, but keep the newest if any.
    db.execute_sql(
        'DELETE FROM "set_record" WHERE "id" NOT IN (SELECT MAX("id") FROM "set_record" '
        'GROUP BY "session_id", "item_index", "side", "set_number")'
    )
    db.execute_sql(
        'CREATE UNIQUE INDEX "set_record_session_id_item_index_side_set_number" '
        'ON "set_record" ("session_id", "item_index", "side", "set_number")'
    )


def _v3(db: SqliteDatabase) -> None:
    # HipDesk's own mark in the file's header, so that no other program's SQLite file is taken for one.
    from hipdesk.db.identity import APPLICATION_ID

    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID:d}")


_V4 = (
    """CREATE TABLE "run" ("id" INTEGER NOT NULL PRIMARY KEY, "started_at" DATETIME NOT NULL, "utc_offset_s" INTEGER, "distance_m" REAL NOT NULL CHECK (distance_m >= 0), "moving_s" REAL NOT NULL CHECK (moving_s >= 0), "elevation_gain_m" REAL, "source" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL)""",
    """CREATE INDEX "run_started_at" ON "run" ("started_at")""",
    """CREATE TABLE "plan_run" ("day" VARCHAR(255) NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NULL, "title" VARCHAR(255) NOT NULL)""",
    """CREATE TABLE "run_keyword" ("keyword" VARCHAR(255) NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NULL)""",
)


def _v4(db: SqliteDatabase) -> None:
    # Runs from the watch's files and the dated runs of an imported training plan.
    for statement in _V4:
        db.execute_sql(statement)


def _v5(db: SqliteDatabase) -> None:
    # Preferences live in the application's settings (QSettings); the table kept for them was never used.
    db.execute_sql('DROP TABLE IF EXISTS "setting"')


_READABLE = "({0} >= '1900-01-01' AND {0} < '3000-01-01' AND julianday({0}) IS NOT NULL)"  # stored_time.good
_READABLE_OR_NONE = "({0} IS NULL OR " + _READABLE + ")"
_V6 = (
    'CREATE INDEX "set_record_session_id_skipped" ON "set_record" ("session_id", "skipped")',
    'CREATE INDEX "set_record_bad_time" ON "set_record" ("session_id") WHERE NOT ('
    + _READABLE_OR_NONE.format("started_at")
    + " AND "
    + _READABLE_OR_NONE.format("ended_at")
    + ")",
    'CREATE INDEX "session_bad_time" ON "session" ("id") WHERE NOT ('
    + _READABLE.format("started_at")
    + " AND "
    + _READABLE_OR_NONE.format("ended_at")
    + ")",
)


def _v6(db: SqliteDatabase) -> None:
    # Long histories: sets counted per session from an index alone, and the few rows whose times
    # cannot be read (stored_time.good) found at once through partial indexes, empty in a sound file.
    for statement in _V6:
        db.execute_sql(statement)


# (version it brings the file to, what it does, the step). Append; never edit a released step.
STEPS: list[tuple[int, str, Callable[[SqliteDatabase], None]]] = [
    (1, "create the tables", _v1),
    (2, "one record per set of a session", _v2),
    (3, "mark the file as HipDesk's", _v3),
    (4, "runs and the training plan", _v4),
    (5, "drop the unused settings table", _v5),
    (6, "indexes for long histories", _v6),
]
LATEST = STEPS[-1][0]


def user_version(db: SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(db: SqliteDatabase) -> list[int]:
    """Bring the file to LATEST, one step per transaction. Returns the versions applied."""
    applied = []
    for version, what, step in STEPS:
        if version <= user_version(db):
            continue
        logger.info("migrating database to version %d: %s", version, what)
        with db.atomic():
            step(db)
            db.execute_sql(f"PRAGMA user_version = {version:d}")
        applied.append(version)
    return applied
