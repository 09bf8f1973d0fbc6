"""YAML loading that remembers line numbers, so validation errors can name file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from citydx.errors import RulesFileError


class LineDict(dict):
    """A mapping that knows the (1-based) line it started on, and the line of each key."""

    line: int = 0
    key_lines: dict[Any, int]


class LineList(list):
    line: int = 0


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise RulesFileError(
                loader.name, key_node.start_mark.line + 1,
                f"duplicate key '{key}' (first on line {result.key_lines[key]})",
            )
        result.key_lines[key] = key_node.start_mark.line + 1
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: str | Path) -> Any:
    """Parse a YAML file; syntax errors become RulesFileError with the file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesFileError(str(path), None, f"cannot read file ({exc.strerror})") from exc
    loader = _LineLoader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except RulesFileError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise RulesFileError(str(path), line, f"invalid YAML: {exc.problem}{_context(exc, line)}"
                             ) from exc
    finally:
        loader.dispose()


def _context(exc: yaml.MarkedYAMLError, line: int | None) -> str:
    """Where the broken construct began, when that is another line (e.g. an unclosed bracket)."""
    mark = exc.context_mark
    if not exc.context or not mark or mark.line + 1 == line:
        return ""
    return f" ({exc.context} on line {mark.line + 1})"


def line_of(node: Any) -> int | None:
    return getattr(node, "line", None) or None


def key_line(node: Any, key: Any) -> int | None:
    """The line of `key` in a mapping, else the mapping's own line."""
    return getattr(node, "key_lines", {}).get(key) or line_of(node)
