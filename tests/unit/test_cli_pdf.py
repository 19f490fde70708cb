"""`hipdesk export pdf`: a routine or the week sheet, A4 or Letter, and its one-line errors.

The command makes a QGuiApplication when there is none; these tests run it in-process, so they ask
for pytest-qt's QApplication first (widgets tests later in the same process need one).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from hipdesk.catalogue.starter import STRENGTH
from hipdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_routine_pdf(qapp, tmp_path: Path, capsys) -> None:
    target = tmp_path / "strength.pdf"
    code, out, err = run(
        capsys, "export", "pdf", "--routine", STRENGTH, "-o", str(target), "--paper", "letter"
    )
    assert (code, err) == (0, "")
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert out == f"wrote {target}: {len(reader.pages)} pages, Letter\n"
    assert reader.metadata.title == STRENGTH
    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Bodyweight Squat" in text and "Hip Hikes" in text


def test_export_week_pdf(qapp, tmp_path: Path, capsys) -> None:
    target = tmp_path / "week.pdf"
    code, out, err = run(capsys, "export", "pdf", "--week", "-o", str(target), "--paper", "A4")
    assert (code, err) == (0, "")
    assert out == f"wrote {target}: 1 page, A4\n"
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == (842, 595)
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Monday" in text and "Sunday" in text and STRENGTH in text


def test_export_pdf_errors(qapp, tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, "export", "pdf", "--routine", "No such", "-o", str(tmp_path / "x.pdf"))
    assert (code, out) == (1, "")
    assert err == "hipdesk: There is no routine named 'No such'.\n"
    code, out, err = run(capsys, "export", "pdf", "--week", "-o", str(tmp_path / "missing" / "x.pdf"))
    assert code == 1 and err.startswith("hipdesk: Cannot write") and err.count("\n") == 1
    assert not list(tmp_path.glob("*.pdf*"))


@pytest.mark.parametrize(
    "args",
    [
        ("export", "pdf", "--week", "--routine", "x", "-o", "x.pdf"),
        ("export", "pdf", "-o", "x.pdf"),
        ("export", "pdf", "--week", "-o", "x.pdf", "--paper", "a5"),
    ],
    ids=["both", "neither", "bad-paper"],
)
def test_export_pdf_bad_usage_exits_2(args: tuple[str, ...], capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    assert exit_info.value.code == 2
