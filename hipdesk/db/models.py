"""Peewee tables. Only the modules in ``db/`` use them; everything else gets dataclasses."""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    Check,
    DatabaseProxy,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class MetaRow(BaseModel):
    """Facts about the file itself: catalogue fingerprint, starter content seeded, ..."""

    key = CharField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "meta"


class ExerciseRow(BaseModel):
    id = AutoField()
    slug = CharField(unique=True)
    name = CharField(index=True)
    builtin = BooleanField(default=False, index=True)
    sort_order = IntegerField(default=1000)
    based_on = CharField(null=True)
    data = TextField()  # the whole exercise as JSON (domain.serialize)
    retired = BooleanField(default=False)  # a built-in no longer shipped, kept for routines and history
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "exercise"


class RoutineRow(BaseModel):
    id = AutoField()
    name = CharField(unique=True)
    notes = TextField(default="")
    position = IntegerField(default=0)
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "routine"


class RoutineItemRow(BaseModel):
    id = AutoField()
    routine = ForeignKeyField(RoutineRow, backref="items", on_delete="CASCADE")
    position = IntegerField()
    exercise = ForeignKeyField(ExerciseRow, on_delete="RESTRICT")
    section = CharField(default="")
    sets = IntegerField(default=1, constraints=[Check("sets BETWEEN 1 AND 20")])
    reps = IntegerField(null=True, constraints=[Check("reps BETWEEN 1 AND 200")])
    hold_s = IntegerField(null=True, constraints=[Check("hold_s BETWEEN 1 AND 600")])
    work_s = IntegerField(null=True, constraints=[Check("work_s BETWEEN 1 AND 3600")])
    sides = CharField(default="both")
    rest_s = IntegerField(default=30, constraints=[Check("rest_s BETWEEN 0 AND 900")])
    rest_after_s = IntegerField(default=30, constraints=[Check("rest_after_s BETWEEN 0 AND 1800")])
    rep_mode = CharField(default="paced")
    note = TextField(default="")

    class Meta:
        table_name = "routine_item"
        indexes = ((("routine", "position"), False),)


class WeekDayRow(BaseModel):
    weekday = IntegerField(primary_key=True, constraints=[Check("weekday BETWEEN 0 AND 6")])
    run = CharField(default="none")

    class Meta:
        table_name = "week_day"


class PlannedRoutineRow(BaseModel):
    id = AutoField()
    weekday = ForeignKeyField(WeekDayRow, column_name="weekday", on_delete="CASCADE")
    routine = ForeignKeyField(RoutineRow, null=True, on_delete="SET NULL")
    routine_name = CharField()  # kept so the plan can say which routine was deleted
    time = CharField(null=True)  # "HH:MM"
    position = IntegerField(default=0)

    class Meta:
        table_name = "planned_routine"


class SessionRow(BaseModel):
    id = AutoField()
    routine = ForeignKeyField(RoutineRow, null=True, on_delete="SET NULL")
    routine_name = CharField()
    plan = TextField(default="{}")  # the routine as it was when the session started (JSON)
    started_at = DateTimeField(index=True)
    ended_at = DateTimeField(null=True)
    status = CharField(default="running", index=True)
    resume_step = IntegerField(null=True)  # where an interrupted session picks up
    rpe = IntegerField(null=True, constraints=[Check("rpe BETWEEN 1 AND 10")])
    discomfort_left = IntegerField(null=True, constraints=[Check("discomfort_left BETWEEN 0 AND 10")])
    discomfort_right = IntegerField(null=True, constraints=[Check("discomfort_right BETWEEN 0 AND 10")])
    notes = TextField(default="")

    class Meta:
        table_name = "session"


class SetRecordRow(BaseModel):
    id = AutoField()
    session = ForeignKeyField(SessionRow, backref="sets", on_delete="CASCADE")
    item_index = IntegerField()
    exercise_slug = CharField()
    exercise_name = CharField()
    side = CharField(default="both")
    set_number = IntegerField()
    target_reps = IntegerField(null=True)
    target_s = IntegerField(null=True)
    actual_reps = IntegerField(null=True)
    actual_s = FloatField(null=True)
    skipped = BooleanField(default=False)
    started_at = DateTimeField(null=True)
    ended_at = DateTimeField(null=True)

    class Meta:
        table_name = "set_record"
        indexes = (
            (("exercise_slug", "started_at"), False),
            (("session", "item_index", "side", "set_number"), True),  # since version 2
        )


class RunRow(BaseModel):
    """A run read from a watch's file (since version 4); the same start and distance is kept once."""

    id = AutoField()
    started_at = DateTimeField(index=True)  # naive UTC, as every stored time
    utc_offset_s = IntegerField(null=True)  # the offset the file gave with the start, when it gave one
    distance_m = FloatField(constraints=[Check("distance_m >= 0")])
    moving_s = FloatField(constraints=[Check("moving_s >= 0")])
    elevation_gain_m = FloatField(null=True)
    source = CharField(default="")
    kind = CharField(default="easy")

    class Meta:
        table_name = "run"


class PlanRunRow(BaseModel):
    """A dated run of an imported training plan (since version 4): one per day."""

    day = CharField(primary_key=True)  # "YYYY-MM-DD", the runner's local date
    kind = CharField()
    title = CharField(default="")

    class Meta:
        table_name = "plan_run"


class RunKeywordRow(BaseModel):
    """The kind the runner chose for a plan event's title (since version 4)."""

    keyword = CharField(primary_key=True)
    kind = CharField()

    class Meta:
        table_name = "run_keyword"


TABLES = [
    MetaRow,
    ExerciseRow,
    RoutineRow,
    RoutineItemRow,
    WeekDayRow,
    PlannedRoutineRow,
    SessionRow,
    SetRecordRow,
    RunRow,
    PlanRunRow,
    RunKeywordRow,
]
