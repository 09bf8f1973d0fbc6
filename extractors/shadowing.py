"""Keywords that lose their hits to a longer keyword of another indicator.

The engine gives a hit inside a longer keyword of another indicator to that indicator
("一件事" inside "高效处置一件事" is the emergency rule's). That is right for names, but a rule
author adding a short keyword cannot see which of its hits it silently gives away. This report
lists every such pair with both rule files, for one file or all:

    .venv/bin/python -m extractors.shadowing [value_added_services]

It is a report on demand rather than a warning at load: the project's rules hold hundreds of
intended pairs ("公共数据" inside "公共数据授权运营"), which would drown any warning.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from extractors.normalize import normalize_for_matching
from extractors.rules import RuleSet, load_ruleset


@dataclass(frozen=True)
class Shadow:
    keyword: str  # the short keyword that loses its hits
    file: str  # rule file of the short keyword ("value_added_services.yaml")
    longer: str  # the longer keyword of another indicator that takes them
    longer_file: str


def shadowed_keywords(ruleset: RuleSet) -> list[Shadow]:
    """Every (short keyword, longer keyword of another indicator holding it) pair."""
    files: dict[str, set[str]] = {}
    indicators: dict[str, set[str]] = {}
    for rule in ruleset.rules:
        key = rule.id.split(".", 1)[0]
        for word in rule.keywords:
            norm = normalize_for_matching(word)
            files.setdefault(norm, set()).add(f"{key}.yaml")
            indicators.setdefault(norm, set()).add(rule.indicator)
    out = []
    for short in sorted(files):
        for longer in sorted(files):
            if len(longer) > len(short) and short in longer \
                    and indicators[longer] - indicators[short]:
                out.extend(Shadow(short, f, longer, g) for f in sorted(files[short])
                           for g in sorted(files[longer] - files[short]))
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    wanted = {a.removesuffix(".yaml") + ".yaml" for a in args}
    shadows = [s for s in shadowed_keywords(load_ruleset())
               if not wanted or s.file in wanted]
    for s in shadows:
        print(f"{s.file}: “{s.keyword}” 的命中归 {s.longer_file} 的 “{s.longer}” "
              f"(hits inside “{s.longer}” go to {s.longer_file})")
    print(f"共 {len(shadows)} 对 pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
