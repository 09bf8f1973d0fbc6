"""The report's PNG charts, drawn from summary.json's dictionary with a Chinese-capable font.

A chart whose labels render as boxes is worse than none, so drawing refuses to start without a
font that has the glyphs (MissingChineseFontError tells how to install one).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable
from typing import Any

from citydx.errors import CitydxError
from scoring.report_input import TOTAL

PROBE = "中国城市数字化梯队分数段"
TIER_COLOURS = ("#1f5fa8", "#4f9bd9", "#f2a33a", "#c8553d", "#7d7d7d")
UNSEARCHED_NOTE = "* 含未检索指标 city has unsearched indicators"


class MissingChineseFontError(CitydxError):
    def __init__(self) -> None:
        super().__init__(
            "没有可显示中文的字体 no font with Chinese glyphs found: install one with "
            "`bash scripts/system-packages` (Debian package fonts-wqy-microhei)"
        )


@functools.lru_cache(maxsize=1)
def cjk_font() -> str:
    """Family name of an installed font covering PROBE. System fonts are scanned too, because
    matplotlib's font cache may predate the font's installation."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    known = [f.fname for f in font_manager.fontManager.ttflist]
    system = font_manager.findSystemFonts()
    for path in dict.fromkeys([*system, *known]):
        try:
            font = FT2Font(path)
        except (OSError, RuntimeError):
            continue
        charmap = font.get_charmap()
        if all(ord(ch) in charmap for ch in PROBE):
            font_manager.fontManager.addfont(path)
            return font_manager.FontProperties(fname=path).get_name()
    raise MissingChineseFontError()


def render_charts(summary: dict[str, Any], primary_keys: dict[str, str],
                  year: int | None) -> dict[str, bytes]:
    """PNG bytes by file name: score bands, top 10 per primary indicator, province tiers."""
    import matplotlib

    font = cjk_font()
    prefix = f"{year}年" if year else ""
    style = {"font.family": [font], "axes.unicode_minus": False, "figure.dpi": 100}
    charts: dict[str, bytes] = {}
    with matplotlib.rc_context(style):
        charts["chart_bands.png"] = _png(_bands_figure(summary, prefix))
        for name, key in primary_keys.items():
            figure = _top10_figure(summary["indicators"][name], name, prefix)
            charts[f"chart_top10_{key}.png"] = _png(figure)
        charts["chart_provinces.png"] = _png(_provinces_figure(summary, prefix))
    return charts


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, bbox_inches="tight")
    return buffer.getvalue()


def band_label(band: dict[str, Any]) -> str:
    if band["upper"] is None:
        return f"≥{band['lower']}"
    if band["lower"] is None:
        return f"<{band['upper']}"
    return f"{band['lower']}–{band['upper']}"


def _bands_figure(summary: dict[str, Any], prefix: str) -> Any:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 4.8))
    axes = figure.add_subplot()
    labels = [band_label(b) for b in summary["bands"]]
    counts = [b["count"] for b in summary["bands"]]
    bars = axes.bar(labels, counts, color="#1f5fa8")
    axes.bar_label(bars, labels=[_band_text(b) for b in summary["bands"]], padding=3)
    axes.set_title(f"{prefix}城市总分分布（按分数段，共{summary['cities']}个城市）")
    axes.set_xlabel("总分分数段")
    axes.set_ylabel("城市数（个）")
    axes.set_ylim(0, max(counts) * 1.2 + 1)
    _note_unsearched(figure, any(b["unsearched"] for b in summary["bands"]))
    _tidy(axes)
    return figure


def _band_text(band: dict[str, Any]) -> str:
    text = f"{band['count']}个 ({band['share']:.2f}%)"
    return text + (f"\n含未检索 {band['unsearched']}*" if band["unsearched"] else "")


def _top10_figure(stats: dict[str, Any], name: str, prefix: str) -> Any:
    from matplotlib.figure import Figure

    top = stats["top10"]
    figure = Figure(figsize=(8, 0.45 * max(len(top), 3) + 1.6))
    axes = figure.add_subplot()
    labels = [f"{t['rank']}. {t['city']}" for t in top]
    bars = axes.barh(labels[::-1], [t["score"] for t in top][::-1], color="#1f5fa8")
    axes.bar_label(bars, fmt="%.1f", padding=3)
    axes.axvline(stats["average"], color="#c8553d", linestyle="--",
                 label=f"平均分 {stats['average']:.2f}")
    axes.set_xlim(0, stats["weight"])
    axes.set_title(f"{prefix}{name}前十名城市（满分{stats['weight']}）")
    axes.set_xlabel("得分")
    axes.legend(loc="upper right", bbox_to_anchor=(1.0, -0.06), frameon=False)
    if not top:
        axes.set_yticks([])
        axes.text(0.5, 0.5, "无可排名城市（均含未检索指标）", transform=axes.transAxes,
                  ha="center", va="center", color="#c8553d")
    _tidy(axes)
    return figure


def tier_label(tier: int, thresholds: list[float]) -> str:
    names = "一二三四五六七八九"
    name = f"第{names[tier - 1]}梯队" if tier <= len(names) else f"第{tier}梯队"
    if tier <= len(thresholds):
        return f"{name}（≥{thresholds[tier - 1]}）"
    return f"{name}（<{thresholds[-1]}）"


def _provinces_figure(summary: dict[str, Any], prefix: str) -> Any:
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    provinces = summary["provinces"]
    figure = Figure(figsize=(8, 0.32 * len(provinces) + 1.8))
    axes = figure.add_subplot()
    labels = [f"{p['province']}（{p['cities']}）{'*' if p['unsearched'] else ''}"
              for p in provinces]
    colours = [TIER_COLOURS[min(p["tier"], len(TIER_COLOURS)) - 1] for p in provinces]
    bars = axes.barh(labels[::-1], [p["average"] for p in provinces][::-1], color=colours[::-1])
    axes.bar_label(bars, fmt="%.2f", padding=3, fontsize=8)
    for threshold in summary["tiers"]:
        axes.axvline(threshold, color="#999999", linestyle=":", linewidth=1)
    tiers = sorted({p["tier"] for p in provinces})
    axes.legend(handles=[Patch(color=TIER_COLOURS[min(t, len(TIER_COLOURS)) - 1],
                               label=tier_label(t, summary["tiers"])) for t in tiers],
                loc="lower right")
    axes.set_xlim(0, 100)
    axes.set_title(f"{prefix}各省（区、市）城市平均分及梯队（括号内为参评城市数）")
    axes.set_xlabel(f"{TOTAL}平均分")
    axes.tick_params(axis="y", labelsize=9)
    _note_unsearched(figure, any(p["unsearched"] for p in provinces))
    _tidy(axes)
    return figure


def _note_unsearched(figure: Any, needed: bool) -> None:
    if needed:
        figure.text(0.01, 0.005, UNSEARCHED_NOTE, fontsize=8, color="#c8553d")


def _tidy(axes: Any, hide: Iterable[str] = ("top", "right")) -> None:
    for side in hide:
        axes.spines[side].set_visible(False)
