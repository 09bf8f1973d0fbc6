"""How far an expert panel agrees: Kendall's coefficient of concordance W, tie-corrected.

Ratings on a 1-6 scale across 31 indicators tie a lot, and the uncorrected W understates agreement
when they do, so ranks are average ranks and the denominator subtracts the tie terms:

    W = 12 S / (m^2 (n^3 - n) - m * sum_i T_i),  T_i = sum over tie groups of expert i of (t^3 - t)

where m is the number of experts, n the number of indicators, R_j the rank sum of indicator j and
S = sum_j (R_j - m (n + 1) / 2)^2. Arithmetic is exact (fractions) so hand-worked checks hold.

Whether W beats chance: m (n - 1) W is approximately chi-square with n - 1 degrees of freedom
when experts rate at random, so its upper tail is the p-value reported beside the reading.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

# Upper bounds of the bands of the plain-language reading (W in [0, 1]).
WEAK_BELOW = 0.3
MODERATE_BELOW = 0.7
# Significance level for "better than chance".
ALPHA = 0.05


def average_ranks(row: Sequence[int]) -> list[Fraction]:
    """Rank 1 for the lowest rating; tied ratings share the mean of the ranks they span."""
    ordered = sorted(row)
    first: dict[int, int] = {}
    for position, value in enumerate(ordered, start=1):
        first.setdefault(value, position)
    counts = Counter(row)
    return [Fraction(2 * first[v] + counts[v] - 1, 2) for v in row]


def tie_term(row: Sequence[int]) -> int:
    """T_i: the sum of t^3 - t over the groups of equal ratings in one expert's row."""
    return sum(t ** 3 - t for t in Counter(row).values())


def kendall_w(rows: Sequence[Sequence[int]]) -> float | None:
    """Tie-corrected W; None when it is undefined.

    Undefined means: fewer than two experts (agreement needs a panel), or every expert gave all
    indicators the same rating (no one ranked anything, so the denominator is zero).
    """
    m = len(rows)
    if m < 2:
        return None
    n = len(rows[0])
    ranks = [average_ranks(row) for row in rows]
    sums = [sum(r[j] for r in ranks) for j in range(n)]
    mean = Fraction(m * (n + 1), 2)
    s = sum((total - mean) ** 2 for total in sums)
    denominator = m * m * (n ** 3 - n) - m * sum(tie_term(row) for row in rows)
    if denominator == 0:
        return None
    return float(12 * s / denominator)


def reading(w: float | None, experts: int) -> str:
    """A plain-language reading of W for the report (Chinese, English beside it)."""
    if w is None:
        if experts < 2:
            return "无法计算：只有一位专家 undefined: agreement needs at least two experts"
        return ("无法计算：每位专家给所有指标的评分都相同 undefined: every expert gave all "
                "indicators the same rating")
    if w < WEAK_BELOW:
        return ("一致性弱：专家意见分歧较大，权重宜慎用，可再做一轮评分 "
                "weak agreement: the experts disagree a lot; use the weights with care or run "
                "another round")
    if w < MODERATE_BELOW:
        return "一致性中等：专家意见大体一致 moderate agreement: the experts broadly agree"
    return "一致性强：专家意见高度一致 strong agreement: the experts largely agree"


def chance_p(w: float | None, experts: int, items: int) -> float | None:
    """The chance of a W at least this high if the experts had rated at random (chi-square)."""
    if w is None or items < 2:
        return None
    return _upper_gamma(Fraction(items - 1, 2), experts * (items - 1) * w / 2)


def _upper_gamma(a: Fraction, x: float) -> float:
    """Regularised upper incomplete gamma Q(a, x): a series below a + 1, a continued fraction
    above (both converge fast there); the standard library has no chi-square tail."""
    a_f = float(a)
    if x <= 0:
        return 1.0
    scale = math.exp(-x + a_f * math.log(x) - math.lgamma(a_f))
    if x < a_f + 1:
        term = total = 1.0 / a_f
        k = a_f
        while abs(term) > abs(total) * 1e-16:
            k += 1
            term *= x / k
            total += term
        return max(0.0, 1.0 - scale * total)
    tiny = 1e-300
    b = x + 1 - a_f
    c, d = 1 / tiny, 1 / b
    h = d
    for i in range(1, 1000):
        an = -i * (i - a_f)
        b += 2
        d = an * d + b
        d = 1 / (d if abs(d) > tiny else tiny)
        c = b + an / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        if abs(d * c - 1) < 1e-16:
            break
    return scale * h


def significance(p: float) -> str:
    """The band alone misleads for small panels (random raters average W = 1/m), hence this."""
    if p < ALPHA:
        return (f"χ² 检验 chi-square test: p = {p:.3g} < {ALPHA:g}，一致性显著高于随机 "
                "agreement is better than chance")
    return (f"χ² 检验 chi-square test: p = {p:.3g} ≥ {ALPHA:g}，与随机评分无显著差别，宜增加专家"
            "或再评一轮 not better than chance: add experts or run another round")
