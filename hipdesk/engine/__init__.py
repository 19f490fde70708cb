"""The guided-session engine: a pure state machine over a routine (no Qt, no storage)."""

from __future__ import annotations

from hipdesk.engine.cues import Cue, CueKind
from hipdesk.engine.plan import Step, StepKind, WorkMode, plan_steps, sides_started
from hipdesk.engine.session import BACK_GRACE_S, EXTEND_S, SessionEngine, SessionState, record_key

__all__ = [
    "BACK_GRACE_S",
    "EXTEND_S",
    "Cue",
    "CueKind",
    "SessionEngine",
    "SessionState",
    "Step",
    "StepKind",
    "WorkMode",
    "plan_steps",
    "record_key",
    "sides_started",
]
