"""Everything else is in pyproject.toml. setuptools cannot say there "find the packages under
logeas_tui/ and add logeas_tui.data from data/" (a `find` table and a list exclude each
other), so the package list is made here and new packages are picked up without editing it."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["logeas_tui*"]), "logeas_tui.data"])
