"""Package list for setuptools: the `align_desktop` tree plus the top-level data folders.

`sample_workspaces/` and `resources/` live at the top of the repository but install as
`align_desktop.sample_workspaces` and `align_desktop.resources` (see package-dir in
pyproject.toml), so that the app reads them with importlib.resources. The desktop entry,
`packaging/align-desktop.desktop`, is copied into `align_desktop.resources` as the package is
built, so that an installed app carries it beside its icons.
"""

import os

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

DESKTOP_ENTRY = os.path.join("packaging", "align-desktop.desktop")


class BuildWithDesktopEntry(build_py):
    """build_py that also places the desktop entry in the built `align_desktop/resources`."""

    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            target = os.path.join(self.build_lib, "align_desktop", "resources", "align-desktop.desktop")
            self.copy_file(DESKTOP_ENTRY, target)


setup(
    packages=[
        *find_packages(include=["align_desktop", "align_desktop.*"]),
        "align_desktop.sample_workspaces",
        "align_desktop.resources",
    ],
    cmdclass={"build_py": BuildWithDesktopEntry},
)
