"""Tertiary weights from an expert panel's ratings, and the file scoring reads them from
(scoring.weights reads and validates it).

The report's formula, C_j = sum_i C_ij / sum_i sum_j C_ij x 100, spreads 100 points over all 31
tertiary indicators, so the implied primary and secondary weights drift from the published ones
(30/30/20/20 and the 11 secondary weights). `keep_parents` applies the same formula inside each
secondary indicator instead, scaled to its published weight, so every published parent weight holds.

Weights are rounded to 4 decimals by largest remainder (each is its share rounded down or up by
0.0001), so that the rounded weights still sum exactly to 100, or to each secondary's weight.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import yaml

from citydx.errors import InputFileError
from citydx.indicators import IndicatorTree
from db.audit import now_iso
from scoring.agreement import chance_p, kendall_w
from scoring.ratings_table import Ratings

PLACES = 4
METHODS = {
    "global": "C_j = Σ_i C_ij / Σ_i Σ_j C_ij × 100 (all 31 tertiary indicators; parent weights "
              "follow from the ratings)",
    "keep_parents": "C_j = Σ_i C_ij / Σ_i Σ_{j∈s} C_ij × W_s (within each secondary indicator s, "
                    "scaled to its published weight W_s)",
}


@dataclass(frozen=True)
class ExpertWeights:
    weights: dict[str, float]
    method: str
    experts: tuple[str, ...]
    kendall_w: float | None
    kendall_p: float | None
    source: str


@dataclass(frozen=True)
class ParentWeight:
    """One row of the published-versus-implied comparison."""

    tier: str
    name: str
    published: float
    implied: float


def expert_weights(tree: IndicatorTree, ratings: Ratings, keep_parents: bool = False
                   ) -> ExpertWeights:
    totals = column_totals(ratings)
    if keep_parents:
        weights: dict[str, float] = {}
        for s in tree.secondaries:
            weights.update(shares({t.name: totals[t.name] for t in s.tertiaries}, s.weight))
    else:
        weights = shares(totals, tree.total)
    ordered = {t.name: weights[t.name] for t in tree.tertiaries}
    w = kendall_w(ratings.rows)
    return ExpertWeights(ordered, "keep_parents" if keep_parents else "global", ratings.experts,
                         w, chance_p(w, len(ratings.rows), len(ratings.indicators)),
                         ratings.source)


def column_totals(ratings: Ratings) -> dict[str, int]:
    """Σ_i C_ij for every indicator j."""
    return {name: sum(row[j] for row in ratings.rows)
            for j, name in enumerate(ratings.indicators)}


def shares(totals: dict[str, int], whole: float) -> dict[str, float]:
    """Split `whole` in proportion to totals, rounded by largest remainder (ties: first wins)."""
    unit = Fraction(1, 10 ** PLACES)
    target = Fraction(str(whole)) / unit
    grand = sum(totals.values())
    exact = {name: Fraction(total) / grand * target for name, total in totals.items()}
    floors = {name: value.numerator // value.denominator for name, value in exact.items()}
    left = int(target) - sum(floors.values())
    by_remainder = sorted(exact, key=lambda name: exact[name] - floors[name], reverse=True)
    for name in by_remainder[:left]:
        floors[name] += 1
    return {name: float(floors[name] * unit) for name in totals}


def implied_parents(tree: IndicatorTree, weights: dict[str, float]) -> list[ParentWeight]:
    """Published primary and secondary weights beside the sums of the new tertiary weights."""
    rows = []
    for p in tree.primaries:
        rows.append(ParentWeight("primary", p.name, p.weight, _sum(weights, p.secondaries)))
        for s in p.secondaries:
            rows.append(ParentWeight("secondary", s.name, s.weight,
                                     round(sum(weights[t.name] for t in s.tertiaries), PLACES)))
    return rows


def _sum(weights: dict[str, float], secondaries: Sequence) -> float:
    return round(sum(weights[t.name] for s in secondaries for t in s.tertiaries), PLACES)


def _unwritable(path: Path, exc: OSError) -> InputFileError:
    return InputFileError(f"{path}: 无法写入权重文件 cannot write the weights file "
                          f"({exc.strerror}): choose another --save PATH")


def save_weights(result: ExpertWeights, path: str | Path) -> Path:
    """Write the weights file atomically, so a failed write never leaves half a file behind."""
    path = Path(path)
    document = {
        "method": result.method,
        "formula": METHODS[result.method],
        "experts": list(result.experts),
        "kendall_w": None if result.kendall_w is None else round(result.kendall_w, PLACES),
        "kendall_p": None if result.kendall_p is None else float(f"{result.kendall_p:.4g}"),
        "source": str(Path(result.source).resolve()),
        "source_sha256": hashlib.sha256(Path(result.source).read_bytes()).hexdigest(),
        "created_at": now_iso(),
        "weights": dict(result.weights),
    }
    text = ("# 专家打分权重 expert weights, written by `citydx weights --save`; scoring reads "
            "`weights`.\n" + yaml.safe_dump(document, allow_unicode=True, sort_keys=False,
                                              width=1000))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".expert_weights.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _unwritable(path, exc) from exc
        raise
    return path
