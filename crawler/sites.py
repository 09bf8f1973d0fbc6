"""Site profiles (crawler/sites/*.yaml): each city's list pages as data, validated on load.

A profile file names its `profile` (live or samples) and lists sources. A source is one list URL
of one city with its CMS family; adding a site is a few lines of YAML, not code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from citydx.errors import RulesFileError, UnknownCityError
from citydx.registry import Registry
from citydx.yamlio import line_of, load_yaml
from crawler.adapters import FAMILIES

SITES_DIR = Path(__file__).resolve().parent / "sites"
PROFILES = ("live", "samples")
SECTIONS = ("政策文件", "政府信息公开", "规范性文件", "政策解读", "工作动态", "省级政策")


@dataclass(frozen=True)
class Source:
    city: str
    url: str
    name: str = ""
    section: str = "政策文件"
    cms: str = "auto"
    needs_browser: bool = False
    verified: bool = False
    enabled: bool = True
    profile: str = "live"


def load_sources(registry: Registry, profile: str | None = "live",
                 directory: str | Path | None = None) -> list[Source]:
    """Every source of the profile (None: of any profile) in the directory's YAML files,
    checked against the registry."""
    folder = Path(directory) if directory else SITES_DIR
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else [folder]
    if not files or not files[0].exists():
        raise RulesFileError(str(folder), None, "no site profile (*.yaml) found")
    sources: list[Source] = []
    seen: dict[str, str] = {}
    for path in files:
        for source in _load_file(path, registry, seen):
            if profile is None or source.profile == profile:
                sources.append(source)
    return sources


def _load_file(path: Path, registry: Registry, seen: dict[str, str]) -> list[Source]:
    data = load_yaml(path)
    spath = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise RulesFileError(spath, line_of(data), "expected 'profile:' and a 'sources:' list")
    profile = data.get("profile", "live")
    if profile not in PROFILES:
        raise RulesFileError(spath, line_of(data), f"profile must be one of {', '.join(PROFILES)}")
    return [_parse_source(spath, node, registry, seen, profile) for node in data["sources"]]


def _parse_source(path: str, node: object, registry: Registry, seen: dict[str, str],
                  profile: str) -> Source:
    line = line_of(node)
    if not isinstance(node, dict):
        raise RulesFileError(path, line, "each source must be a mapping with city and url")
    city_name, url = node.get("city"), node.get("url")
    if not isinstance(city_name, str) or not isinstance(url, str):
        raise RulesFileError(path, line, "source: 'city' and 'url' are required")
    try:
        city = registry.get(city_name)
    except UnknownCityError as exc:
        raise RulesFileError(path, line, str(exc)) from None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not city.owns_host(parts.hostname or ""):
        raise RulesFileError(path, line, f"url {url} is not on {city_name}'s domains "
                                         f"({', '.join(city.domains)})")
    cms = node.get("cms", "auto")
    if cms not in FAMILIES:
        raise RulesFileError(path, line, f"cms must be one of {', '.join(FAMILIES)}")
    key = f"{profile} {url}"  # the samples mirror real URLs, so uniqueness is per profile
    if key in seen:
        raise RulesFileError(path, line, f"url {url} is already listed in {seen[key]}")
    seen[key] = f"{path}:{line}"
    return Source(city_name, url, str(node.get("name", "")), str(node.get("section", "政策文件")),
                  cms, bool(node.get("needs_browser", False)), bool(node.get("verified", False)),
                  bool(node.get("enabled", True)), profile)
