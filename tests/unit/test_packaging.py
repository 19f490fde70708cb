"""The desktop integration files agree with the app: one application id, its icon, its command."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from hipdesk.paths import APP_ID
from hipdesk.resources import resource_path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def test_desktop_file_launches_hipdesk_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].split()[0] == "hipdesk"
    assert desktop["Icon"] == APP_ID
    assert (PACKAGING / "icons" / f"{APP_ID}.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in (48, 64, 128, 256):
        assert (PACKAGING / "icons" / f"{APP_ID}-{size}.png").stat().st_size > 500


def test_metainfo_names_the_same_id_and_desktop_file() -> None:
    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.find("provides/binary").text == "hipdesk"


def test_the_app_ships_its_icon() -> None:
    assert resource_path("icons", f"{APP_ID}.svg").is_file()
