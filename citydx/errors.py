"""One exception class per condition the user can fix; each message says how."""

from __future__ import annotations


class CitydxError(Exception):
    """Base for errors shown to the user as one line, without a traceback."""


class RulesFileError(CitydxError):
    """A YAML data file under rules/ (or a site profile) is malformed or inconsistent."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class UnknownCityError(CitydxError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"unknown city '{name}': use a name from rules/cities.yaml or add the city there"
        )


class ProvinceEntryError(CitydxError):
    """A province entry (rules/cities.yaml `provinces:`) was named where a city is needed."""

    def __init__(self, name: str, province: str) -> None:
        super().__init__(
            f"“{name}”是省级门户，不是城市 '{name}' is a provincial portal, not a city: its "
            f"documents count for each assessed city of {province}; name one of those cities"
        )


class UnknownIndicatorError(CitydxError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"unknown indicator '{name}': use a tertiary indicator name from rules/indicators.yaml"
        )


class InputFileError(CitydxError):
    """A file the user passed on the command line cannot be used."""


class DatabaseError(CitydxError):
    """The database file cannot be opened or is newer than this version of citydx."""


class SamplePortError(CitydxError):
    """The offline sample portals cannot listen on the requested port."""

    def __init__(self, port: int, reason: str) -> None:
        super().__init__(
            f"样例门户无法监听端口 cannot listen on port {port} ({reason}): "
            f"choose another with --port, or --port 0 for any free port"
        )
