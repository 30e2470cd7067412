"""Which packages the wheel holds. The top-level folders resources/ and forms/ (DESIGN.md §3) go
into it as hall_desk/resources and hall_desk/forms, where hall_desk.assets finds them in an
installed program; pyproject.toml alone cannot map a folder outside the package into it while
also finding the package's own subpackages. Everything else is in pyproject.toml."""

from setuptools import find_namespace_packages, setup

DATA_FOLDERS = {"hall_desk.resources": "resources", "hall_desk.forms": "forms"}
IGNORED = ["*__pycache__*"]


def data_packages() -> dict[str, list[str]]:
    """Every folder below resources/ and forms/, as a package holding all of its files."""
    found = {}
    for package, folder in DATA_FOLDERS.items():
        found[package] = ["*"]
        for sub in find_namespace_packages(where=folder, exclude=IGNORED):
            found[f"{package}.{sub}"] = ["*"]
    return found


DATA = data_packages()

setup(
    # Namespace discovery: store/migrations/versions has no __init__.py and is still shipped.
    packages=[
        *find_namespace_packages(include=["hall_desk", "hall_desk.*"], exclude=IGNORED),
        *DATA,
    ],
    package_dir=DATA_FOLDERS,
    package_data={"hall_desk.store.migrations": ["script.py.mako"], **DATA},
    exclude_package_data={"": ["*.pyc"]},
)
