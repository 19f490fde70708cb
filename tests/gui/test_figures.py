"""Qt tests of the figure renderer, the FigureWidget, image and PDF output, and render_figures."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPalette, QPdfWriter

from hipdesk.figures.animation import Figure, load_figure, placeholder_figure
from hipdesk.figures.batch import CONTACT_SHEET, dark_palette, render_figures
from hipdesk.figures.checks import (
    MIN_THUMBNAIL_CHANGE,
    THUMBNAIL_SIZE,
    thumbnail_change,
    thumbnail_problems,
)
from hipdesk.figures.poses import PoseError, parse_pose_data
from hipdesk.figures.render import (
    figure_style,
    keyframe_pixels,
    paint_figure,
    paint_strip,
    render_image,
    render_strip_image,
)
from hipdesk.figures.scene import Tone
from hipdesk.figures.widget import FigureWidget
from hipdesk.resources import exercise_files, resource_path

AUTHORED = sorted(p.stem for p in exercise_files())  # every built-in exercise has its poses


def _inked(image: QImage) -> int:
    """Pixels that are not fully transparent (sampled every 2 px)."""
    return sum(
        image.pixelColor(x, y).alpha() > 0
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


def _count_colour(image: QImage, colour: QColor, tol: int = 12) -> int:
    n = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if (
                c.alpha() == 255
                and abs(c.red() - colour.red())
                + abs(c.green() - colour.green())
                + abs(c.blue() - colour.blue())
                < tol
            ):
                n += 1
    return n


@pytest.mark.parametrize("exercise_id", AUTHORED)
def test_rendered_image_is_not_blank_and_shows_the_tint(qapp, exercise_id: str) -> None:  # type: ignore[no-untyped-def]
    figure = load_figure(exercise_id)
    assert not figure.placeholder
    image = render_image(figure, 200, keyframe=len(figure.animation().keyframes) - 1)
    assert image.size() == QSize(200, 200)
    assert _inked(image) > 200 * 200 / 4 * 0.04
    accent = figure_style(qapp.palette()).brushes[Tone.ACCENT].color()
    accent_far = figure_style(qapp.palette()).brushes[Tone.ACCENT_FAR].color()
    assert _count_colour(image, accent) + _count_colour(image, accent_far) > 5, "working muscles are tinted"


def test_image_of_any_size_and_both_palettes(qapp) -> None:  # type: ignore[no-untyped-def]
    figure = load_figure("clamshell")
    for size in (QSize(64, 48), QSize(640, 300)):
        assert _inked(render_image(figure, size, t=0.7)) > 10
    dark = render_image(figure, 160, palette=dark_palette(), background=QColor("#232629"))
    light = render_image(figure, 160, background=QColor("white"))
    assert dark.pixelColor(80, 80) != light.pixelColor(80, 80) or _inked(dark) > 0


def test_mirrored_render_mirrors(qapp) -> None:  # type: ignore[no-untyped-def]
    figure = load_figure("donkey-kicks")
    right = render_image(figure, 160, keyframe=1, side="right", background=QColor("white"))
    left = render_image(figure, 160, keyframe=1, side="left", background=QColor("white"))
    flipped = right.flipped() if hasattr(right, "flipped") else right.mirrored(True, False)
    if hasattr(right, "flipped"):
        from PySide6.QtCore import Qt

        flipped = right.flipped(Qt.Orientation.Horizontal)
    differing = sum(
        flipped.pixelColor(x, y) != left.pixelColor(x, y) for y in range(0, 160, 2) for x in range(0, 160, 2)
    )
    assert differing < 0.03 * 80 * 80
    assert right != left


def test_placeholder_is_neat_grey_and_untinted(qapp) -> None:  # type: ignore[no-untyped-def]
    figure = load_figure("an-exercise-a-user-made")
    assert figure.placeholder and figure.muscles == ()
    image = render_image(figure, 160)
    assert _inked(image) > 200
    accent = figure_style(qapp.palette()).brushes[Tone.ACCENT].color()
    assert _count_colour(image, accent) == 0
    for y in range(0, 160, 4):
        for x in range(0, 160, 4):
            c = image.pixelColor(x, y)
            if c.alpha() == 255:
                assert max(c.red(), c.green(), c.blue()) - min(c.red(), c.green(), c.blue()) < 40  # grey


def test_strip_draws_vector_paths_into_a_pdf(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "strip.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    painter = QPainter(writer)
    paint_strip(painter, QRectF(100, 100, 1800, 600), load_figure("high-knees"), labels=True)
    painter.end()
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    assert b"/Subtype /Image" not in data and b"/Subtype/Image" not in data


def _ink_rows(image: QImage, x0: int, x1: int, y0: int) -> int:
    """How many pixel rows between x0 and x1, from y0 down, hold any ink."""
    return sum(
        any(image.pixelColor(x, y).alpha() > 0 for x in range(x0, x1)) for y in range(y0, image.height())
    )


def test_the_captions_of_one_strip_share_one_size(qapp) -> None:  # type: ignore[no-untyped-def]
    # a short and a long caption of the same letters (tall ones, none below the line): drawn at one
    # size, their ink is equally tall
    still = {"contacts": {"floor": ["heel_l", "heel_r"]}}
    keyframes = [{"name": "lift it", **still}, {"name": "lift it, then hold it, then lift it", **still}]
    data = {"format": 1, "exercise": "x", "side": "both", "keyframe": keyframes}
    figure = Figure("x", parse_pose_data(data))
    height = 200
    image = render_strip_image(figure, height, labels=True)
    caption_top = round(height * 0.86) - 2  # the captions sit in the strip's bottom 14%
    short, long = _ink_rows(image, 0, height, caption_top), _ink_rows(image, height, 2 * height, caption_top)
    assert short > 4 and abs(short - long) <= 1, (short, long)


def test_strip_image_has_a_cell_per_keyframe(qapp) -> None:  # type: ignore[no-untyped-def]
    figure = load_figure("standing-hip-flexion")
    image = render_strip_image(figure, 120)
    assert image.size() == QSize(120 * len(figure.animation().keyframes), 120)
    assert _inked(image.copy(0, 0, 120, 120)) > 50 and _inked(image.copy(120, 0, 120, 120)) > 50


def test_render_figures_writes_pngs_and_a_contact_sheet(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = render_figures(tmp_path, 96)
    names = {p.name for p in paths}
    assert CONTACT_SHEET in names and "clamshell.png" in names
    assert paths[-1].name == CONTACT_SHEET
    for p in paths:
        image = QImage(str(p))
        assert not image.isNull() and image.width() >= 96
    sheet = QImage(str(tmp_path / CONTACT_SHEET))
    assert sheet.height() > 96


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_widget_animates_from_the_clock_and_pauses(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = FigureWidget()
    qtbot.addWidget(widget)
    clock = FakeClock()
    widget._clock = clock
    widget.setFigure(load_figure("donkey-kicks"))
    period = widget.figure().animation().period
    clock.now += 1.25
    assert widget.phase() == pytest.approx(1.25)
    clock.now += period  # a whole loop later: same phase, whatever the ticks
    assert widget.phase() == pytest.approx(1.25)
    with qtbot.waitSignal(widget.playing_changed):
        widget.pause()
    clock.now += 5
    assert widget.phase() == pytest.approx(1.25) and not widget.isPlaying()
    widget.play()
    clock.now += 0.5
    assert widget.phase() == pytest.approx(1.75)


def test_widget_timer_runs_only_while_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = FigureWidget(figure=load_figure("high-knees"))
    qtbot.addWidget(widget)
    assert not widget.timerActive()
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.timerActive()
    widget.pause()
    assert not widget.timerActive()
    widget.play()
    assert widget.timerActive()
    widget.hide()
    assert not widget.timerActive()
    widget.show()
    assert widget.timerActive()
    widget.setFigure(placeholder_figure("x"))  # nothing moves: no timer
    assert not widget.timerActive()


def test_widget_side_property_and_painting(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = FigureWidget(figure=load_figure("clamshell"))
    qtbot.addWidget(widget)
    widget.resize(240, 240)
    with qtbot.waitSignal(widget.side_changed):
        widget.setSide("left")
    assert widget.side() == "left" and widget.property("side_property") == "left"
    with pytest.raises(ValueError):
        widget.setSide("middle")
    widget.setProperty("playing", False)
    assert not widget.isPlaying()
    image = widget.grab().toImage()
    assert not image.isNull()
    window = widget.palette().color(QPalette.ColorRole.Window)
    assert any(image.pixelColor(x, y) != window for y in range(0, 240, 6) for x in range(0, 240, 6))


# -- the 48 px list thumbnail shows the movement --------------------------------------------------

KNOWN_STILL_THUMBNAILS: dict[str, str] = {}


def _thumbnail_figure(keyframes: list[dict[str, object]], **extra: object) -> Figure:
    data = {"format": 1, "exercise": "x", "side": "both", "keyframe": keyframes, **extra}
    return Figure("x", parse_pose_data(data))


_STAND = {
    "name": "stand",
    "contacts": {"floor": ["heel_l", "heel_r"]},
    "shoulder_l": {"abd": 6},
    "shoulder_r": {"abd": 6},
}


def test_thumbnail_check_tells_a_visible_movement_from_a_twitch(qapp) -> None:  # type: ignore[no-untyped-def]
    twitch = _thumbnail_figure([_STAND, {**_STAND, "name": "twitch", "elbow_r": {"flex": 10}}])
    lift = _thumbnail_figure(
        [_STAND, {**_STAND, "name": "knee up", "hip_r": {"flex": 90}, "knee_r": {"flex": 90}}]
    )
    assert thumbnail_problems(twitch, keyframe_pixels) != []
    assert thumbnail_problems(lift, keyframe_pixels) == []
    assert thumbnail_problems(_thumbnail_figure([_STAND]), keyframe_pixels) == []  # a still picture


def test_thumbnail_check_compares_the_two_keyframes_that_differ_most(qapp) -> None:  # type: ignore[no-untyped-def]
    # three keyframes: the first two nearly alike, the third far from both
    figure = _thumbnail_figure(
        [
            _STAND,
            {**_STAND, "name": "twitch", "elbow_r": {"flex": 10}},
            {**_STAND, "name": "knee up", "hip_r": {"flex": 90}, "knee_r": {"flex": 90}},
        ]
    )
    share, i, j = thumbnail_change(figure, keyframe_pixels)
    assert 2 in (i, j) and share >= MIN_THUMBNAIL_CHANGE


def test_thumbnail_is_drawn_by_the_real_renderer_at_48_px(qapp) -> None:  # type: ignore[no-untyped-def]
    figure = load_figure("squat")
    pixels = keyframe_pixels(figure, 0, None, THUMBNAIL_SIZE)
    assert len(pixels) == THUMBNAIL_SIZE * THUMBNAIL_SIZE
    image = render_image(figure, THUMBNAIL_SIZE, keyframe=0, background=QColor("white"))
    assert pixels[THUMBNAIL_SIZE * 24 + 24] == image.pixelColor(24, 24).getRgb()[:3]
    assert sum(p != (255, 255, 255) for p in pixels) > 100  # the figure is there


@pytest.mark.parametrize(
    "exercise_id",
    [
        pytest.param(i, marks=pytest.mark.xfail(strict=True, reason=KNOWN_STILL_THUMBNAILS[i]))
        if i in KNOWN_STILL_THUMBNAILS
        else i
        for i in sorted(
            p.name.removesuffix(".poses.toml") for p in resource_path("exercises").glob("*.poses.toml")
        )
    ],
)
def test_the_list_thumbnail_shows_the_movement(qapp, exercise_id: str) -> None:  # type: ignore[no-untyped-def]
    figure = load_figure(exercise_id)
    assert thumbnail_problems(figure, keyframe_pixels) == []


def test_a_view_with_a_top_cuts_the_picture_there_and_fills_the_frame_with_the_rest(qapp) -> None:  # type: ignore[no-untyped-def]
    legs = {"name": "legs", "contacts": {"floor": ["heel_l", "heel_r"]}}
    whole = _thumbnail_figure([legs], view={"azimuth": 90})
    cut = _thumbnail_figure([legs], view={"azimuth": 90, "top": 100})
    assert cut.poses.view.top == 100 and cut.animation("left").view.top == 100  # mirrored too

    def rows(figure: Figure) -> list[int]:
        image = render_image(figure, 200, background=QColor("white"))
        inked = [y for y in range(200) if any(image.pixelColor(x, y) != QColor("white") for x in range(200))]
        return inked

    whole_rows, cut_rows = rows(whole), rows(cut)
    # the cut figure spans the frame from its feet to the cut, with nothing drawn in the margin above
    assert cut_rows[0] >= 200 * 0.06 - 1 and cut_rows[-1] - cut_rows[0] > 0.8 * 200
    # the legs (below 100 cm of a 172 cm figure) are drawn larger than in the whole figure
    assert cut_rows[-1] - cut_rows[0] > 1.5 * (whole_rows[-1] - whole_rows[0]) * 100 / 172


def test_a_views_top_outside_its_range_is_refused_with_the_key() -> None:
    with pytest.raises(PoseError, match="view: top"):
        parse_pose_data(
            {"format": 1, "exercise": "x", "side": "both", "view": {"top": 10}, "keyframe": [_STAND]}
        )


def test_a_view_fitted_to_the_body_cuts_the_mat_at_the_pictures_edges(qapp) -> None:  # type: ignore[no-untyped-def]
    lying = {"name": "lie", "contacts": {"floor": ["pelvis", "chest"]}, "body": {"pitch": -90}}
    data = {"view": {"azimuth": 0, "elevation": 40}, "props": ["mat"], "mat": {"size": [300, 62]}}
    whole = _thumbnail_figure([lying], **data)
    fitted = _thumbnail_figure([lying], **{**data, "view": {**data["view"], "fit": "body"}})
    assert fitted.animation("left").view.fit == "body"  # mirrored too

    def figure_width(figure: Figure) -> int:
        """Columns of a 200 px picture holding something darker than the mat: the figure."""
        image = render_image(figure, QSize(200, 200), background=QColor("white"))
        mat = figure_style().brushes[Tone.MAT].color().lightness()
        return sum(
            any(image.pixelColor(x, y).lightness() < mat - 20 for y in range(0, 200, 2)) for x in range(200)
        )

    # a 3 m mat no longer shrinks the figure: it fills the frame and the mat runs out of it
    assert figure_width(fitted) > 1.4 * figure_width(whole)
    image = QImage(QSize(300, 100), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    paint_figure(painter, QRectF(100, 0, 100, 100), fitted)
    painter.end()
    outside = [x for x in (*range(0, 100), *range(200, 300)) if image.pixelColor(x, 50).alpha() > 0]
    assert outside == [], "nothing is drawn outside the picture's cell"


def test_pretzel_at_48_px_its_two_parts_change_a_sixth_of_the_thumbnail(qapp) -> None:  # type: ignore[no-untyped-def]
    # fitted to the body from behind the back, the knee pull and the foot hold are far apart
    # even as a list thumbnail (11 % before the body filled the frame)
    figure = load_figure("pretzel-stretch")
    for side in ("left", "right"):
        share, i, j = thumbnail_change(figure, keyframe_pixels, side)
        names = {figure.animation(side).keyframes[k].name for k in (i, j)}
        assert share >= 0.16, (side, share)
        assert names == {"pull the top knee to the chest", "hold the bottom foot back"}


def test_a_views_fit_other_than_all_or_body_is_refused_with_the_key() -> None:
    with pytest.raises(PoseError, match="view.fit"):
        parse_pose_data(
            {"format": 1, "exercise": "x", "side": "both", "view": {"fit": "mat"}, "keyframe": [_STAND]}
        )
