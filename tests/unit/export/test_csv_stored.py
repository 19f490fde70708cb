"""The CSV export made from the stored rows (the long-history path) is the file made from ExportRows."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from hipdesk.domain.history import ExportRows
from hipdesk.export.csv_export import write_csv
from tests.history_data import generate
from tests.zone import local_zone


@pytest.mark.parametrize("zone", ["UTC", "Pacific/Auckland", "America/New_York"])
def test_the_stored_rows_write_the_same_bytes_as_the_row_objects(repo, db_path: Path, tmp_path, zone) -> None:
    with local_zone(zone):
        # 400 days: both daylight-saving changes of a year, partial sessions and skipped sets
        generate(repo, 400, end=dt.date(2026, 3, 31))
        repo.db.close()
        con = sqlite3.connect(db_path)
        with con:  # what a runner can type: formulas, quotes, line ends; a held set in tenths of a second
            con.execute("UPDATE session SET notes = '=SUM(A1)', rpe = 7 WHERE id = 3")
            con.execute("UPDATE session SET routine_name = 'Hips \"A\", 2', notes = 'one\ntwo' WHERE id = 4")
            con.execute("UPDATE set_record SET exercise_name = '+Bridge', actual_s = 41.25 WHERE id = 5")
            con.execute("UPDATE set_record SET started_at = '2025-10-01 07:00:00' WHERE id = 6")
        con.close()
        from hipdesk.store import open_store

        repo = open_store(db_path)
        rows = repo.export_rows()
        assert isinstance(rows, ExportRows)
        stored, objects = tmp_path / "stored.csv", tmp_path / "objects.csv"
        count = write_csv(stored, rows)
        assert count == write_csv(objects, list(rows)) > 10_000  # a list: the ExportRow path
        repo.db.close()
        assert stored.read_bytes() == objects.read_bytes()
        text = stored.read_text(encoding="utf-8-sig")
        assert "'=SUM(A1)" in text and "'+Bridge" in text and ",41.25," in text
