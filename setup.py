"""Package list for setuptools: the `align_desktop` tree plus the top-level data folders.

`sample_workspaces/` and `resources/` live at the top of the repository but install as
`align_desktop.sample_workspaces` and `align_desktop.resources` (see package-dir in
pyproject.toml), so that the app reads them with importlib.resources.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["align_desktop", "align_desktop.*"]),
        "align_desktop.sample_workspaces",
        "align_desktop.resources",
    ]
)
