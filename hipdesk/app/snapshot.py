"""One shared read of the exercises for the window and the command line: read when first asked,
read again only after a change that touched the exercises."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hipdesk.app.changes import Change

if TYPE_CHECKING:
    from hipdesk.db.repo import Repo
    from hipdesk.domain.model import Exercise


class ExerciseSnapshot:
    """The exercises as the data holds them now, shared by every page that shows or needs them."""

    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self._current: list[Exercise] | None = None
        self._by_id: dict[str, Exercise] | None = None

    def current(self) -> list[Exercise]:
        """The exercises to choose from (retired ones left out): built-ins in the article's
        order, then the runner's own by name."""
        if self._current is None:
            self._current = self.repo.exercises()
        return self._current

    def by_id(self) -> dict[str, Exercise]:
        """Every exercise by id, retired ones too: what routines and history refer to."""
        if self._by_id is None:
            self._by_id = {ex.id: ex for ex in self.repo.exercises(include_retired=True)}
        return self._by_id

    def changed(self, change: Change) -> None:
        """Forget what ``change`` made out of date; the next question reads the data again."""
        if change & Change.EXERCISES:
            self._current = None
            self._by_id = None
