"""Which weights a scoring run uses: the published tree, or the experts' re-weighting of it.

Another stage (`citydx weights --save`) writes rules/expert_weights.yaml; scoring only reads it,
and refuses a file that does not weight exactly the tree's tertiary indicators to its total, since
a silently partial re-weighting would change every score without anyone noticing.
"""

from __future__ import annotations

import math
from pathlib import Path

from citydx.errors import RulesFileError
from citydx.indicators import IndicatorTree, load_indicator_tree
from citydx.paths import rules_dir
from citydx.yamlio import line_of, load_yaml

SUM_TOLERANCE = 0.01


def default_weights_path() -> Path:
    return rules_dir() / "expert_weights.yaml"


def load_expert_weights(path: str | Path, tree: IndicatorTree) -> dict[str, float]:
    """Read and validate a weights file against the tree; errors name the file and line."""
    spath = str(path)
    data = load_yaml(path)
    weights = data.get("weights") if isinstance(data, dict) else None
    if not isinstance(weights, dict):
        raise RulesFileError(spath, line_of(data), "expected a top-level 'weights:' mapping of "
                                                   "tertiary indicator name to weight")
    known = [t.name for t in tree.tertiaries]
    for name, value in weights.items():
        if name not in known:
            raise RulesFileError(spath, line_of(weights), f"unknown indicator '{name}': use the "
                                 "tertiary names of rules/indicators.yaml")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise RulesFileError(spath, line_of(weights),
                                 f"the weight of '{name}' must be a positive number")
    missing = [name for name in known if name not in weights]
    if missing:
        raise RulesFileError(spath, line_of(weights), f"no weight for '{missing[0]}': all "
                             f"{len(known)} tertiary indicators need one")
    total = sum(float(v) for v in weights.values())
    if not math.isclose(total, tree.total, abs_tol=SUM_TOLERANCE):
        raise RulesFileError(spath, line_of(weights), f"the weights sum to {total:g}, not "
                             f"{tree.total:g} (±{SUM_TOLERANCE:g})")
    return {name: float(weights[name]) for name in known}


def resolve_tree(weights_file: str | Path | None = None,
                 use_expert: bool = True) -> tuple[IndicatorTree, str | None]:
    """The tree for a run and the weights file applied to it (None: the published weights).

    An explicit weights_file must exist; the default expert file is used only when present.
    """
    tree = load_indicator_tree()
    if not use_expert:
        return tree, None
    path = Path(weights_file) if weights_file else default_weights_path()
    if weights_file is None and not path.exists():
        return tree, None
    return tree.with_weights(load_expert_weights(path, tree)), str(path)


def weights_of(tree: IndicatorTree) -> dict[str, float]:
    return {t.name: t.weight for t in tree.tertiaries}
