"""What one document supports per indicator, once its sentences are weighed together.

A document that reports a platform built and "will extend it further" supports the built level,
not also a plan; a measures document that also names its topic is not also a mere mention. The
evaluation compares these summaries with the labels; the database keeps every sentence's row.
"""

from __future__ import annotations

from dataclasses import dataclass

from citydx.indicators import IndicatorTree
from extractors.engine import Evidence

POSITIVE = ("issued", "built")
_ORDER = ("negated", "planned", "mentioned")


@dataclass(frozen=True)
class Finding:
    indicator: str
    level: str
    status: str
    quantity: float | None
    unit: str | None


def credited(rows: list[Evidence], shares: dict[str, float]) -> list[Evidence]:
    """Rows that give the city credit: its own, or its province's when credit.province > 0."""
    return [r for r in rows if r.credit(shares) > 0]


def summarize(rows: list[Evidence], tree: IndicatorTree) -> list[Finding]:
    """One finding per (indicator, level, status) that the document as a whole supports."""
    out: list[Finding] = []
    for indicator in dict.fromkeys(r.indicator for r in rows):
        group = [r for r in rows if r.indicator == indicator]
        rank = {key: i for i, key in enumerate(tree.tertiary(indicator).level_keys)}
        kept = _dominant(group, rank)
        for level, status in dict.fromkeys((r.level, r.status) for r in kept):
            same = [r.quantity for r in kept if (r.level, r.status) == (level, status)
                    and r.quantity is not None]
            # A plan's figures (a measures document listing 13 items) count for the plan.
            other = [r.quantity for r in group if r.quantity is not None]
            values = same or other
            unit = next((r.unit for r in group if r.quantity is not None), None)
            out.append(Finding(indicator, level, status, max(values) if values else None,
                               unit if values else None))
    return out


def _dominant(group: list[Evidence], rank: dict[str, int]) -> list[Evidence]:
    positive = [r for r in group if r.status in POSITIVE]
    if positive:
        # Measures issued and a platform built are both kept: a level may require the two.
        kept = [r for status in POSITIVE
                for r in _top([p for p in positive if p.status == status], rank)]
        best = max(rank[r.level] for r in positive)
        # "已建成生产场景…生产与生活场景兼备的格局还没有形成": a higher level denied is news.
        denied = _top([r for r in group if r.status == "negated" and rank[r.level] > best], rank)
        return kept + denied
    negated = _top([r for r in group if r.status == "negated"], rank)
    # "尚未出台低空经济政策，低空经济企业较少": the negation speaks for its whole sentence.
    rest = [r for r in group if r.status != "negated"
            and not any(r.start < n.end and n.start < r.end for n in negated)]
    for status in _ORDER[1:]:
        chosen = _top([r for r in rest if r.status == status], rank)
        if chosen:
            return negated + chosen
    return negated


def _top(rows: list[Evidence], rank: dict[str, int]) -> list[Evidence]:
    if not rows:
        return []
    top = max(rank[r.level] for r in rows)
    return [r for r in rows if rank[r.level] == top]
