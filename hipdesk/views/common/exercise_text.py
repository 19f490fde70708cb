"""An exercise's details as safe rich text: every string from data or the user is escaped."""

from __future__ import annotations

from html import escape

from hipdesk.domain.model import Exercise
from hipdesk.domain.rules import dosage_text, seconds_text


def facts_line(ex: Exercise) -> str:
    """``Strength · On all fours · Each side in turn`` (plain text)."""
    return " · ".join([ex.kind.label, ex.position.label, ex.sidedness.label])


def _section(title: str, body: str) -> str:
    return f"<h3>{escape(title)}</h3>{body}"


def _list(items: tuple[str, ...] | list[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f"<{tag}>{rows}</{tag}>"


def detail_html(ex: Exercise, muted: str = "#666") -> str:
    parts: list[str] = []
    if ex.summary:
        parts.append(f"<p><i>{escape(ex.summary)}</i></p>")
    dose = escape(dosage_text(ex.dosage, ex.sidedness))
    extra = []
    if ex.dosage.sets is not None and ex.dosage.sets.high > 1:
        extra.append(f"rest {escape(seconds_text(ex.dosage.rest_s))} between sets")
    if ex.frequency_per_week is not None:
        extra.append(f"{escape(ex.frequency_per_week.text())} times a week")
    dose_line = f"<p><b>{dose}</b>"
    if extra:
        dose_line += f"<br><span style='color:{muted}'>{'; '.join(extra)}</span>"
    parts.append(_section("Dosage", dose_line + "</p>"))
    parts.append(_section("How to do it", _list(ex.steps, ordered=True)))
    if ex.cues:
        parts.append(_section("Cues", _list(ex.cues)))
    if ex.safety:
        parts.append(_section("Take care", _list(ex.safety)))
    muscles = f"<p><b>Working:</b> {escape(', '.join(m.label for m in ex.primary_muscles))}"
    if ex.secondary_muscles:
        helping = ", ".join(m.label for m in ex.secondary_muscles)
        muscles += f"<br><b>Helping:</b> {escape(helping)}"
    parts.append(_section("Muscles", muscles + "</p>"))
    kit = ", ".join(e.label for e in ex.equipment) or "None"
    parts.append(_section("Equipment", f"<p>{escape(kit)}</p>"))
    if ex.progressions:
        parts.append(_section("Progressions", _list(ex.progressions)))
    if ex.aliases:
        parts.append(_section("Also known as", f"<p>{escape(', '.join(ex.aliases))}</p>"))
    if ex.source is not None:
        src = ex.source
        where = f"“{escape(src.heading)}” in " if src.heading else "An untitled paragraph of "
        body = f"<p>{where}<i>{escape(src.title)}</i>.</p>"
        if src.notes:
            body += f"<p><b>Where HipDesk departs from the article</b></p>{_list(src.notes)}"
        if src.excerpt:
            quoted = escape(src.excerpt).replace("\n", "<br>")
            body += f"<p><b>The article’s text</b></p><blockquote>{quoted}</blockquote>"
        parts.append(_section("Source", body))
    if not ex.builtin:
        origin = f" It is based on {escape(ex.based_on)}." if ex.based_on else ""
        parts.append(f"<p style='color:{muted}'>This is your own exercise.{origin}</p>")
    return "".join(parts)
