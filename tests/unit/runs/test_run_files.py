"""Runs read from GPX, TCX and FIT files the tests write, and files that must be refused."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from hipdesk.domain.model import RunKind
from hipdesk.runs.files import read_run_file
from hipdesk.runs.model import RunFileError
from tests.run_files import START, STEP_M, fit_bytes, gpx_text, write_fit, write_gpx, write_tcx


def test_a_gpx_track_gives_its_start_distance_moving_time_and_climb(tmp_path: Path) -> None:
    run = read_run_file(write_gpx(tmp_path / "morning.gpx"))
    assert run.started_at == START
    assert run.distance_m == pytest.approx(10 * STEP_M, rel=1e-6)
    assert run.moving_s == 300
    assert run.elevation_gain_m == pytest.approx(50)
    assert run.source == "morning.gpx" and run.kind is RunKind.EASY


def test_a_gpx_pause_is_not_moving_time(tmp_path: Path) -> None:
    text = gpx_text().replace("06:35:00Z", "06:45:00Z")  # the last point ten minutes late
    path = tmp_path / "stop.gpx"
    path.write_text(text, encoding="utf-8")
    assert read_run_file(path).moving_s == 270


def test_a_gpx_height_that_is_no_number_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "odd.gpx"
    path.write_text(gpx_text().replace("<ele>100.0</ele>", "<ele>high</ele>"), encoding="utf-8")
    run = read_run_file(path)
    assert run.distance_m == pytest.approx(10 * STEP_M, rel=1e-6) and run.elevation_gain_m == pytest.approx(
        45
    )


def test_a_tcx_activity(tmp_path: Path) -> None:
    run = read_run_file(write_tcx(tmp_path / "run.tcx", distance_m=5000, seconds=1500))
    assert (run.started_at, run.distance_m, run.moving_s, run.elevation_gain_m) == (START, 5000, 1500, 30)


def test_a_fit_file_written_with_the_profile_is_read_back(tmp_path: Path) -> None:
    run = read_run_file(write_fit(tmp_path / "run.fit", distance_m=21_100.0, seconds=6300, ascent=120))
    assert run.started_at == START
    assert run.distance_m == pytest.approx(21_100)
    assert run.moving_s == 6300 and run.elevation_gain_m == 120
    assert run.kind is RunKind.LONG  # by distance


def test_a_fit_file_with_a_bad_checksum_is_refused(tmp_path: Path) -> None:
    data = bytearray(fit_bytes())
    data[40] ^= 0xFF
    path = tmp_path / "bad.fit"
    path.write_bytes(bytes(data))
    with pytest.raises(RunFileError, match=r"^bad\.fit: not a readable FIT file"):
        read_run_file(path)


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("empty.gpx", b"", "the file is empty"),
        ("cut.gpx", gpx_text().encode()[:300], "not readable XML"),
        ("text.fit", b"this is not a fit file at all", "not a readable FIT file"),
        ("nothing.gpx", b'<gpx xmlns="http://www.topografix.com/GPX/1/1"></gpx>', "no timed track points"),
        ("notes.txt", b"hello", "not a GPX, TCX or FIT file"),
        ("cut.tcx", b"<TrainingCenterDatabase><Activities>", "not readable XML"),
    ],
)
def test_broken_files_are_named_in_one_line(tmp_path: Path, name: str, content: bytes, says: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RunFileError) as caught:
        read_run_file(path)
    message = str(caught.value)
    assert message.startswith(f"{name}: ") and says in message and "\n" not in message


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><name>&lol3;</name></trk></gpx>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<TrainingCenterDatabase><Activities>&secret;</Activities></TrainingCenterDatabase>"""


@pytest.mark.parametrize(("name", "text"), [("laughs.gpx", BILLION_LAUGHS), ("external.tcx", EXTERNAL)])
def test_entity_expansion_and_external_entities_are_refused(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RunFileError, match=f"^{name}: refused, the file declares entities or a DTD$"):
        read_run_file(path)


def test_a_50_mb_gpx_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.gpx"
    point = '<trkpt lat="{lat:.6f}" lon="7.000000"><ele>100.0</ele><time>2026-03-29T{h:02d}:{m:02d}:{s:02d}Z</time></trkpt>\n'
    with path.open("w", encoding="utf-8") as out:
        out.write('<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>\n')
        i = 0
        while out.tell() < 50 * 1024 * 1024:
            chunk = []
            for _ in range(1000):
                t = i % 86400
                chunk.append(point.format(lat=45 + (i % 1000) * 1e-5, h=t // 3600, m=t // 60 % 60, s=t % 60))
                i += 1
            out.write("".join(chunk))
        out.write("</trkseg></trk></gpx>\n")
    script = textwrap.dedent(
        f"""
        import resource
        from pathlib import Path
        from hipdesk.runs.files import read_run_file
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        run = read_run_file(Path({str(path)!r}))
        print(run.distance_m > 0, base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    ok, before_kb, peak_kb = result.stdout.split()
    assert ok == "True"
    assert int(peak_kb) - int(before_kb) < 40 * 1024  # well under the file's 50 MB
