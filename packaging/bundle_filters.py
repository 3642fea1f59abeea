"""What goes into the bundle: the Qt plugins, translations and libraries the reader uses.

Imported by timtin.spec to filter PyInstaller's TOC lists (entries: dest, source, typecode).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import PurePath

TocEntry = tuple[str, str, str]

# Qt plugins kept, by folder, by base name (no `lib` prefix, no suffix).  Everything else
# (eglfs, vnc, evdev, sql, tls, qml, virtual keyboard, GTK theme...) stays out.
KEEP_PLUGINS: dict[str, set[str]] = {
    # windows: Windows; cocoa: macOS; xcb and wayland: Linux desktops; offscreen: CI, --self-test.
    "platforms": {"qwindows", "qcocoa", "qxcb", "qwayland", "qoffscreen", "qminimal"},
    # The portal theme gives native file dialogs through D-Bus; the GTK theme would drag in
    # all of GTK from the build machine.
    "platformthemes": {"qxdgdesktopportal"},
    # Typing Vietnamese: dead keys (compose) and IBus (Unikey/Bamboo engines).
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    "iconengines": {"qsvgicon"},
    "imageformats": {"qsvg", "qico"},
    "styles": {"qwindowsvistastyle", "qmodernwindowsstyle", "qmacstyle"},
    "xcbglintegrations": {"qxcb-glx-integration", "qxcb-egl-integration"},
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"bradient", "adwaita"},
}
# Qt's own catalogues (standard buttons, file dialog) in the two UI languages.
KEEP_QT_TRANSLATIONS = re.compile(r"^(qt|qtbase)_(vi|en)\.qm$")
# Libraries a package opens with ctypes (base names, as plugin_base_name gives them): nothing
# links them, so the linked closure must start from them too.  pypdfium2_raw loads pdfium.
LOADED_BY_CTYPES: set[str] = {"pdfium"}
# Source and type-stub files some packages install beside their compiled modules (selectolax
# ships its 3 MB lexbor.c and Cython sources; its hook collects them all as data).
SOURCE_SUFFIXES = (".c", ".h", ".pyx", ".pxd", ".pxi", ".pyi")

_PLUGIN = re.compile(r"(?:^|[/\\])PySide6[/\\](?:Qt[/\\])?plugins[/\\]([^/\\]+)[/\\]([^/\\]+)$")
_TRANSLATION = re.compile(r"(?:^|[/\\])PySide6[/\\](?:Qt[/\\])?translations[/\\]([^/\\]+)$")


def plugin_base_name(file_name: str) -> str:
    """`libqxcb.so` -> `qxcb`, `qwindows.dll` -> `qwindows`, `libqcocoa.dylib` -> `qcocoa`."""
    stem = file_name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_plugin(dest: str) -> bool:
    """False for a Qt plugin the reader does not use; True for everything else."""
    found = _PLUGIN.search(dest)
    if found is None:
        return True
    folder, file_name = found.groups()
    return plugin_base_name(file_name) in KEEP_PLUGINS.get(folder, set())


def keep_translation(dest: str) -> bool:
    """False for a Qt translation in a language other than Vietnamese or English."""
    found = _TRANSLATION.search(dest)
    return found is None or KEEP_QT_TRANSLATIONS.match(found.group(1)) is not None


def linked_closure(
    binaries: list[TocEntry], imports_of: Callable[[str], Iterable[str]]
) -> list[TocEntry]:
    """Drop shared libraries nothing kept links to (a dropped plugin's dependencies).

    Roots are the Python extension modules, the Python library, the kept Qt plugins and the
    libraries loaded with ctypes; a library stays when a root, or a library that stays, names
    it as a dependency.
    """
    libraries = {PurePath(e[0]).name: e for e in binaries if e[2] == "BINARY"}
    roots = [
        entry
        for entry in binaries
        if entry[2] != "BINARY"
        or _PLUGIN.search(entry[0])
        or PurePath(entry[0]).name.startswith("libpython")
        or plugin_base_name(PurePath(entry[0]).name) in LOADED_BY_CTYPES
    ]
    kept = {entry[0] for entry in roots}
    todo = list(roots)
    while todo:
        entry = todo.pop()
        for name in imports_of(entry[1]):
            dependency = libraries.get(PurePath(name).name)
            if dependency is not None and dependency[0] not in kept:
                kept.add(dependency[0])
                todo.append(dependency)
    return [entry for entry in binaries if entry[0] in kept]


def without_symlinks_to(datas: list[TocEntry], dropped: set[str]) -> list[TocEntry]:
    """Drop SYMLINK entries (PyInstaller files them under datas) that point at dropped binaries."""
    gone = {os.path.normpath(dest) for dest in dropped}
    return [
        entry
        for entry in datas
        if entry[2] != "SYMLINK"
        or os.path.normpath(os.path.join(os.path.dirname(entry[0]), entry[1])) not in gone
    ]


def keep_data(dest: str) -> bool:
    """False for a package's C, Cython or stub source: the compiled module is what runs."""
    return not dest.endswith(SOURCE_SUFFIXES)


def _elf_imports(path: str) -> list[str]:
    from PyInstaller.depend.bindepend import get_imports

    return [name for name, _full in get_imports(path)]


def select(
    binaries: list[TocEntry], datas: list[TocEntry]
) -> tuple[list[TocEntry], list[TocEntry]]:
    """The binaries and data files to bundle: used plugins, vi/en Qt catalogues, no sources,
    and on Linux only the libraries something kept links to (or ctypes loads)."""
    kept = [entry for entry in binaries if keep_plugin(entry[0])]
    if sys.platform.startswith("linux"):
        kept = linked_closure(kept, _elf_imports)
    dropped = {entry[0] for entry in binaries} - {entry[0] for entry in kept}
    datas = [
        entry
        for entry in datas
        if keep_plugin(entry[0]) and keep_translation(entry[0]) and keep_data(entry[0])
    ]
    return kept, without_symlinks_to(datas, dropped)
