"""The desktop build's inputs: desktop entry, AppStream metainfo, icons, install script, resources."""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import viewer
from viewer import app_resources

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.articleviewer.ArticleViewer"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def read_desktop(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates_offline():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_launches_the_installed_command_with_the_shipped_icon():
    entry = read_desktop(DESKTOP)
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    command = entry["Exec"].split()[0]
    assert command in scripts, f"Exec={command} is not a command the package installs"
    assert entry["TryExec"] == command
    assert (ICONS / f"{entry['Icon']}.svg").is_file()


def test_startup_wm_class_is_the_application_name_the_window_sets():
    """Qt's xcb plugin sets WM_CLASS's class to applicationName(); docks group windows by it."""
    source = (ROOT / "viewer" / "ui" / "app.py").read_text(encoding="utf-8")
    match = re.search(r'setApplicationName\("([^"]+)"\)', source)
    if match is None:
        pytest.skip("viewer/ui/app.py sets no literal application name")
    assert read_desktop(DESKTOP)["StartupWMClass"] == match.group(1)


def test_metainfo_agrees_with_the_package_and_desktop_entry():
    root = ET.parse(METAINFO).getroot()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.findtext("project_license") == project["license"]
    # A release entry for the version being built: software centres show it as "what's new".
    versions = [release.get("version") for release in root.iter("release")]
    assert viewer.__version__ in versions, f"add a <release> for {viewer.__version__} to {METAINFO.name}"
    images = [image.text for image in root.iter("image")]
    assert images and all(url.startswith("https://") and url.endswith("resources/screenshot.png") for url in images)


def test_icon_pngs_have_their_named_sizes():
    for size in PNG_SIZES:
        path = ICONS / f"article-viewer-{size}.png"
        assert png_size(path.read_bytes()) == (size, size), path.name


def test_ico_holds_png_entries_of_the_sizes_its_directory_claims():
    data = (ICONS / "article-viewer.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = set()
    for index in range(count):
        width, height, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * index : 22 + 16 * index])
        claimed = (width or 256, height or 256)
        assert png_size(data[offset : offset + length]) == claimed
        sizes.add(claimed[0])
    assert {16, 32, 48, 256} <= sizes


def test_icon_source_is_a_square_svg():
    root = ET.parse(ICONS / "article-viewer.svg").getroot()
    assert root.tag.endswith("svg")
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    assert width == height


def test_resource_path_finds_the_app_icon():
    path = app_resources.resource_path(app_resources.APP_ICON)
    assert path.is_file() and path.name == "article-viewer.svg"


def test_resource_path_names_a_missing_resource():
    with pytest.raises(FileNotFoundError, match="no-such-file.png"):
        app_resources.resource_path("no-such-file.png")


def test_resource_path_prefers_the_frozen_bundle(tmp_path, monkeypatch):
    bundled = tmp_path / "viewer" / "resources" / "icons" / "article-viewer.svg"
    bundled.parent.mkdir(parents=True)
    bundled.write_text("<svg/>", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert app_resources.resource_path(app_resources.APP_ICON) == bundled


def _load_build_bundle():
    spec = importlib.util.spec_from_file_location("build_bundle", ROOT / "packaging" / "build_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(sys.platform != "linux", reason="install.sh is for Linux desktops")
def test_install_script_installs_and_uninstalls_a_bundle(tmp_path):
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "article-viewer"
    program.write_text("#!/bin/sh\necho fake\n", encoding="utf-8")
    program.chmod(0o755)
    _load_build_bundle().add_desktop_files(bundle)
    prefix = tmp_path / "prefix"
    env = {**os.environ, "PREFIX": str(prefix)}

    subprocess.run(["sh", str(bundle / "install.sh")], env=env, check=True, capture_output=True)
    launcher = prefix / "bin" / "article-viewer"
    assert subprocess.run([str(launcher)], capture_output=True, text=True).stdout == "fake\n"
    entry = read_desktop(prefix / "share" / "applications" / DESKTOP.name)
    assert entry["Exec"].split()[0] == str(prefix / "lib" / "article-viewer" / "article-viewer")
    icon = prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / "article-viewer.png"
    assert png_size(icon.read_bytes()) == (48, 48)
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / "article-viewer.svg").is_file()
    assert (prefix / "share" / "metainfo" / METAINFO.name).is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(prefix / "share" / "applications" / DESKTOP.name)])
        assert check.returncode == 0

    subprocess.run(["sh", str(bundle / "install.sh"), "--uninstall"], env=env, check=True, capture_output=True)
    assert not launcher.exists() and not launcher.is_symlink()
    assert not (prefix / "lib" / "article-viewer").exists()
    assert not icon.exists()
    assert not (prefix / "share" / "applications" / DESKTOP.name).exists()
