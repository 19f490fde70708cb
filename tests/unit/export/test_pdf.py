"""The routine and week PDFs, read back with pypdf and QtPdf: text, pages, metadata, margins."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

import hipdesk  # noqa: F401  (before PySide6: see qtfix)
from hipdesk.catalogue.loader import load_catalogue
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import (
    Exercise,
    ItemSides,
    PlannedDay,
    PlannedRoutine,
    Routine,
    RoutineItem,
    RunKind,
    WeekPlan,
)
from hipdesk.domain.rules import default_item, item_text
from tests.unit.export.sheets import crowded_plan, qt_document

CATALOGUE = load_catalogue()
EXERCISES = {ex.id: ex for ex in CATALOGUE}
EVERYTHING = Routine(
    "All nineteen",
    tuple(default_item(ex, "Warm-up" if i < 4 else "Main") for i, ex in enumerate(CATALOGUE)),
    notes="Every exercise of the article, for the wall.",
    id=1,
)
MM_PER_PT = 25.4 / 72


def words(text: str) -> str:
    """Extracted text with ligatures undone, all white space as single spaces, and no line break after
    a hyphen ("sit-\nup" wraps "sit-up")."""
    return re.sub(r"- ", "-", " ".join(unicodedata.normalize("NFKC", text).split()))


def extracted_texts(data: bytes) -> list[str]:
    """Each page's text as a PDF viewer copies it (Qt's PDF module: PDFium, the reader of Chromium).

    pypdf reads the metadata, fonts and page boxes below; for the text it is 20 times slower, as it
    parses every path of the figures in Python."""
    document, _buffer = qt_document(data)
    return [document.getAllText(page).text() for page in range(document.pageCount())]


def page_texts(data: bytes) -> list[str]:
    return [words(text) for text in extracted_texts(data)]


@pytest.fixture(scope="module")
def pdf(qapp):
    from hipdesk.export.pdf import Paper, routine_pdf

    return routine_pdf(EVERYTHING, EXERCISES, Paper.A4)


def test_routine_pages_text_and_metadata(qapp, pdf) -> None:
    from PySide6.QtPdf import QPdfDocument

    reader = PdfReader(io.BytesIO(pdf.data))
    assert len(reader.pages) == pdf.pages > 1
    document, _buffer = qt_document(pdf.data)
    assert document.pageCount() == pdf.pages
    assert document.metaData(QPdfDocument.MetaDataField.Title) == "All nineteen"
    assert document.metaData(QPdfDocument.MetaDataField.Author) == "HipDesk"
    assert reader.metadata.title == "All nineteen"
    assert reader.metadata.author == "HipDesk"
    everything = " ".join(page_texts(pdf.data))
    for item in EVERYTHING.items:
        ex = EXERCISES[item.exercise_id]
        assert ex.name in everything
        assert item_text(item) in everything
        assert words(ex.steps[-1]) in everything
    assert "About " in everything and "Equipment: Mat, Resistance band" in everything
    for number, text in enumerate(page_texts(pdf.data), 1):
        assert f"Page {number} of {pdf.pages}" in text


def test_no_exercise_is_split_across_pages(pdf) -> None:
    texts = page_texts(pdf.data)
    for item in EVERYTHING.items:
        ex = EXERCISES[item.exercise_id]
        pages = [n for n, text in enumerate(texts) if f"{ex.name} " in text and item_text(item) in text]
        assert len(pages) == 1, ex.name
        # its first step, last step and last cue are on the page of its name
        page = texts[pages[0]]
        assert words(ex.steps[0]) in page and words(ex.steps[-1]) in page and words(ex.cues[-1]) in page


def plain_texts(data: bytes) -> list[str]:
    """Extracted text as a PDF reader copies it: white space as single spaces, nothing else undone."""
    return [" ".join(text.split()) for text in extracted_texts(data)]


LIGATURES = re.compile("[\ufb00-\ufb06]")  # ff, fi, fl, ffi, ffl, long st, st as one character


def test_a_search_finds_every_exercise_name_in_plain_letters(qapp, pdf) -> None:
    from hipdesk.export.pdf import Paper, week_pdf

    routines = [Routine("Everything", EVERYTHING.items, id=1)]
    days = tuple(
        PlannedDay(d, RunKind.EASY, (PlannedRoutine("Everything", None, 1),) if d == 2 else ())
        for d in range(7)
    )
    week = week_pdf(WeekPlan(days), routines, EXERCISES, Paper.A4)
    for data in (pdf.data, week.data):
        text = " ".join(plain_texts(data))
        assert not LIGATURES.search(text)
        for ex in CATALOGUE:
            assert ex.name in text, ex.name
    fl_fi = [ex.name for ex in CATALOGUE if "fl" in ex.name.lower() or "fi" in ex.name.lower()]
    assert "Butterfly Stretch" in fl_fi and len(fl_fi) >= 3  # Butterfly, Hip Flexor, Figure 4


def test_fonts_embedded_figures_are_vectors_and_the_file_is_small(pdf) -> None:
    reader = PdfReader(io.BytesIO(pdf.data))
    for page in reader.pages:
        assert not page.images  # figures are paths, not pictures
        fonts = page["/Resources"]["/Font"]
        assert fonts
        for font in fonts.values():
            font = font.get_object()
            descriptors = [
                d.get_object()["/FontDescriptor"].get_object() for d in font.get("/DescendantFonts", [])
            ]
            descriptors += [font["/FontDescriptor"].get_object()] if "/FontDescriptor" in font else []
            assert descriptors and all(any(k.startswith("/FontFile") for k in d) for d in descriptors), font
    assert len(pdf.data) < 1_000_000


def ink_box(image) -> tuple[int, int, int, int] | None:
    """The bounding box of everything not white on a rendered page (x0, y0, x1, y1), or None."""
    from PySide6.QtGui import QImage, QPainter

    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(0xFFFFFFFF)  # the page is transparent where nothing is drawn
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    image = paper.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = image.width(), image.height()
    data = bytes(image.constBits())[: image.bytesPerLine() * height]
    stride = image.bytesPerLine()
    rows = [y for y in range(height) if min(data[y * stride : y * stride + width]) < 245]
    if not rows:
        return None
    cols = [
        x for x in range(width) if any(data[y * stride + x] < 245 for y in range(rows[0], rows[-1] + 1, 2))
    ]
    return cols[0], rows[0], cols[-1], rows[-1]


def assert_pages_inside_margins(qapp, data: bytes) -> int:
    from PySide6.QtCore import QSize

    from hipdesk.export.pdf import MARGIN_MM

    document, _buffer = qt_document(data)
    for page in range(document.pageCount()):
        size_pt = document.pagePointSize(page)
        scale = 1.0  # one pixel per point
        image = document.render(page, QSize(round(size_pt.width() * scale), round(size_pt.height() * scale)))
        box = ink_box(image)
        assert box is not None, f"page {page + 1} is blank"
        x0, y0, x1, y1 = box
        px_per_mm = scale / MM_PER_PT
        tolerance = 1.5  # px: antialiasing
        assert x0 >= MARGIN_MM.left() * px_per_mm - tolerance, (page, box)
        assert y0 >= MARGIN_MM.top() * px_per_mm - tolerance, (page, box)
        assert x1 <= image.width() - MARGIN_MM.right() * px_per_mm + tolerance, (page, box)
        assert y1 <= image.height() - MARGIN_MM.bottom() * px_per_mm + tolerance, (page, box)
    return document.pageCount()


def test_routine_pages_are_not_blank_and_stay_inside_the_margins(qapp, pdf) -> None:
    assert assert_pages_inside_margins(qapp, pdf.data) == pdf.pages


def test_user_text_is_text_never_markup(qapp) -> None:
    from hipdesk.export.pdf import Paper, routine_pdf

    routine = Routine(
        "<b>Hips</b> & <i>co</i>",
        (
            RoutineItem(
                "clamshell", sets=2, reps=12, sides=ItemSides.EACH, note="<br/>knees &amp; <u>feet</u>"
            ),
        ),
        notes="<h1>Not a heading</h1>",
    )
    result = routine_pdf(routine, EXERCISES, Paper.A4)
    text = " ".join(page_texts(result.data))
    assert "<b>Hips</b> & <i>co</i>" in text
    assert "Note: <br/>knees &amp; <u>feet</u>" in text
    assert "<h1>Not a heading</h1>" in text
    assert PdfReader(io.BytesIO(result.data)).metadata.title == routine.name


@pytest.mark.parametrize(
    ("paper", "portrait"), [("a4", (595, 842)), ("letter", (612, 792))], ids=["a4", "letter"]
)
def test_paper_sizes_and_orientation(qapp, paper: str, portrait: tuple[int, int]) -> None:
    from hipdesk.export.pdf import Paper, routine_pdf, week_pdf

    routine = routine_pdf(EVERYTHING, EXERCISES, Paper(paper))
    box = PdfReader(io.BytesIO(routine.data)).pages[0].mediabox
    assert (round(box.width), round(box.height)) == portrait
    week = week_pdf(WeekPlan(), [], EXERCISES, Paper(paper))
    box = PdfReader(io.BytesIO(week.data)).pages[0].mediabox
    assert (round(box.width), round(box.height)) == portrait[::-1]  # landscape


def test_paper_from_the_locale() -> None:
    from PySide6.QtCore import QLocale

    from hipdesk.export.pdf import Paper, default_paper, parse_paper

    assert default_paper(QLocale("en_US")) is Paper.LETTER
    assert default_paper(QLocale("en_CA")) is Paper.LETTER
    assert default_paper(QLocale("de_DE")) is Paper.A4
    assert default_paper(QLocale("en_GB")) is Paper.A4
    assert parse_paper("Letter") is Paper.LETTER
    with pytest.raises(ValidationError):
        parse_paper("a5")


def test_an_exercise_taller_than_a_page_is_shrunk_not_cut(qapp) -> None:
    from hipdesk.export.pdf import Paper, routine_pdf

    base = EXERCISES["clamshell"]
    long_steps = tuple(f"Step number {i}: " + "keep going, slowly and with control " * 6 for i in range(45))
    own = Exercise(**{**{f: getattr(base, f) for f in base.__dataclass_fields__}, "id": "mine", "name": "My long one",
                      "steps": long_steps, "builtin": False})  # fmt: skip
    routine = Routine("Long", (RoutineItem("mine", sets=3, reps=5), RoutineItem("clamshell", reps=10)))
    result = routine_pdf(routine, {**EXERCISES, "mine": own}, Paper.A4)
    texts = page_texts(result.data)
    holding = [n for n, t in enumerate(texts) if "Step number 44" in t]
    assert holding == [n for n, t in enumerate(texts) if "Step number 0" in t]  # one page holds it all
    assert assert_pages_inside_margins(qapp, result.data) == result.pages


def week_plan() -> tuple[WeekPlan, list[Routine]]:
    strength = Routine(
        "Strength", tuple(default_item(EXERCISES[i]) for i in ("clamshell", "glute-bridge")), id=1
    )
    stretch = Routine("Stretch", (default_item(EXERCISES["figure-4-stretch"]),), id=2)
    days = [PlannedDay(d) for d in range(7)]
    days[0] = PlannedDay(0, RunKind.EASY, (PlannedRoutine("Strength", dt.time(18, 30), 1),))
    days[3] = PlannedDay(
        3, RunKind.REST, (PlannedRoutine("Strength", None, 1), PlannedRoutine("Stretch", dt.time(7, 0), 2))
    )
    days[6] = PlannedDay(6, RunKind.LONG, (PlannedRoutine("Gone", None, None),))
    return WeekPlan(tuple(days)), [strength, stretch]


def test_week_sheet(qapp) -> None:
    from hipdesk.export.pdf import Paper, week_pdf

    plan, routines = week_plan()
    result = week_pdf(plan, routines, EXERCISES, Paper.A4, order=[6, 0, 1, 2, 3, 4, 5])
    assert result.pages == 1
    text = page_texts(result.data)[0]
    for name in ("Sunday", "Monday", "Thursday", "Long run", "Easy run", "Rest day", "18:30", "07:00"):
        assert name in text
    assert text.index("Sunday") < text.index("Monday")  # the locale's order
    for name in ("Clamshell", "Glute Bridge", "Figure 4 Stretch", "Strength", "Stretch", "Gone"):
        assert name in text
    assert PdfReader(io.BytesIO(result.data)).metadata.title == "Week plan"
    assert assert_pages_inside_margins(qapp, result.data) == 1


def test_week_sheet_has_a_tick_box_per_planned_routine_and_a_figure_per_exercise(qapp) -> None:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPainter, QPdfWriter

    from hipdesk.export.pdf import Paper, _Ctx, layout_week, setup_device

    plan, routines = week_plan()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    setup_device(writer, Paper.A4, landscape=True)
    painter = QPainter(writer)
    try:
        layout = layout_week(_Ctx(painter, writer), plan, routines, EXERCISES, range(7))
    finally:
        painter.end()
    blocks = [placed.block for page in layout.pages for placed in page]
    routine_blocks = [b for b in blocks if b.kind == "routine"]
    assert [b.name for b in routine_blocks] == ["Strength", "Strength", "Stretch", "Gone"]
    assert [b.ticks for b in routine_blocks] == [1, 1, 1, 0]  # a deleted routine cannot be done
    exercise_blocks = [b for b in blocks if b.kind == "exercise"]
    assert [b.name for b in exercise_blocks] == [
        "Clamshell", "Glute Bridge", "Clamshell", "Glute Bridge", "Figure 4 Stretch"
    ]  # fmt: skip
    assert all(len(b.ops) >= 2 for b in exercise_blocks)  # the figure and the name


def starter_plan() -> tuple[WeekPlan, list[Routine]]:
    from hipdesk.catalogue.starter import starter_routines, starter_week

    routines = [Routine(r.name, r.items, r.notes, id=i) for i, r in enumerate(starter_routines(EXERCISES), 1)]
    ids = {r.name: r.id for r in routines}
    link = dataclasses.replace  # each planned routine to its routine's id
    days = tuple(
        link(day, routines=tuple(link(p, routine_id=ids[p.routine_name]) for p in day.routines))
        for day in starter_week().days
    )
    return WeekPlan(days), routines


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("week", ["starter", "crowded", "long names"])
def test_the_week_sheet_is_one_page_with_every_exercise_and_its_dosage(qapp, paper: str, week: str) -> None:
    from hipdesk.export.pdf import Paper, week_pdf

    if week == "starter":
        (plan, routines), exercises = starter_plan(), EXERCISES
    else:
        plan, routines, exercises = crowded_plan(
            " with a long name someone typed in" if week != "crowded" else ""
        )
    result = week_pdf(plan, routines, exercises, Paper(paper))
    assert result.pages == 1
    text = page_texts(result.data)[0]
    by_id = {r.id: r for r in routines}
    planned = [by_id[p.routine_id] for day in plan.days for p in day.routines]
    assert planned
    for routine in planned:
        assert routine.name in text
        for item in routine.items:
            name = exercises[item.exercise_id].name
            assert f"{name} {item_text(item)}" in text  # the dosage right after the name, beside the figure
    if week == "crowded":
        assert (
            text.count("1 h 22 min") == 7
        )  # every day's total, on the same page (at the exercises' own paces)
    assert assert_pages_inside_margins(qapp, result.data) == 1


def routine_layout(paper, routine: Routine):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPainter, QPdfWriter

    from hipdesk.export.pdf import _Ctx, layout_routine, setup_device

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    setup_device(writer, paper)
    painter = QPainter(writer)
    try:
        return layout_routine(_Ctx(painter, writer), routine, EXERCISES)
    finally:
        painter.end()


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_routine_pages_are_not_left_half_empty(qapp, paper: str) -> None:
    from hipdesk.export.pdf import Paper

    plan, routines = starter_plan()
    for routine in [EVERYTHING, *routines]:
        layout = routine_layout(Paper(paper), routine)
        for number, page in enumerate(layout.pages[:-1], 1):
            last = page[-1]
            used = (last.y + last.block.height * last.scale - layout.body.top()) / layout.body.height()
            assert used >= 0.7, (routine.name, paper, number, round(used, 2))


def test_figures_print_dark_and_their_muscles_stand_out_in_greyscale() -> None:
    from hipdesk.export.pdf import print_style
    from hipdesk.figures.scene import Tone

    def grey(tone: Tone) -> float:
        colour = print_style().brushes[tone].color()
        return 0.299 * colour.redF() + 0.587 * colour.greenF() + 0.114 * colour.blueF()

    assert grey(Tone.NEAR) <= 0.6 and grey(Tone.FAR) <= 0.4 and grey(Tone.HAIR) <= 0.3  # toner, not a tint
    assert abs(grey(Tone.ACCENT) - grey(Tone.NEAR)) >= 0.15  # a working muscle on its limb
    assert abs(grey(Tone.ACCENT_FAR) - grey(Tone.FAR)) >= 0.15
    assert abs(grey(Tone.NEAR) - grey(Tone.FAR)) >= 0.15  # near and far legs apart
    assert grey(Tone.MAT) >= 0.75  # the mat stays behind the body


def test_write_pdf_is_atomic_and_reports_one_line(tmp_path) -> None:
    from hipdesk.export.pdf import write_pdf

    target = tmp_path / "x.pdf"
    write_pdf(target, b"%PDF-1.4 test")
    assert target.read_bytes() == b"%PDF-1.4 test"
    with pytest.raises(ValidationError, match="Cannot write"):
        write_pdf(tmp_path / "missing" / "x.pdf", b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf"]


@pytest.mark.parametrize(
    ("name", "order"),
    [
        ("de_DE", [0, 1, 2, 3, 4, 5, 6]),  # Monday first
        ("en_US", [6, 0, 1, 2, 3, 4, 5]),  # Sunday first
        ("ar_EG", [5, 6, 0, 1, 2, 3, 4]),  # Saturday first
    ],
)
def test_the_week_sheet_starts_on_the_locales_first_day(qapp, name: str, order: list[int]) -> None:
    from PySide6.QtCore import QLocale

    from hipdesk.export.pdf import locale_order

    assert locale_order(QLocale(name)) == order


def test_an_unknown_paper_size_is_named_with_the_sizes_there_are(qapp) -> None:
    from hipdesk.export.pdf import parse_paper

    with pytest.raises(ValidationError) as refused:
        parse_paper("A5 ")
    assert str(refused.value) == "Unknown paper size 'A5 ': use a4 or letter."
