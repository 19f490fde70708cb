"""Operations the window and the command line share: one function per thing a runner does to the data.

Each takes the repository (and what the runner chose), checks its input, writes, and returns what it
made together with what it changed (:class:`hipdesk.app.changes.Change`), so that the window can
refresh every page that shows it and the command line can say what was done. Bad input raises a
``HipDeskError`` with one sentence, and nothing is written. No operation asks anything of the runner:
dialogs and confirmations belong to the window, arguments to the command line.

- ``exercises``: create, duplicate, edit and delete the runner's own exercises;
- ``routines``: create, rename, duplicate, save and delete routines;
- ``plan``: the week plan saved whole, a day's routines set, cleared or moved;
- ``sessions``: a session deleted (and put back), its notes, an interrupted one kept as partial;
- ``files``: routine files in and out, the week as a calendar, the history as CSV, PDF sheets;
- ``backups``: a backup now and a restore, of the open data or of the data file alone.
"""

from __future__ import annotations

from hipdesk.app.changes import Change

# what a restore replaces: everything the data file holds
ALL_DATA = Change.EXERCISES | Change.ROUTINES | Change.PLAN | Change.HISTORY
