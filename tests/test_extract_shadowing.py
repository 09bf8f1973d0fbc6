"""The shadowing report names short keywords whose hits a longer keyword of another indicator
takes, with both rule files."""

import shutil
from pathlib import Path

from citydx.paths import PROJECT_ROOT
from extractors.rules import load_ruleset
from extractors.shadowing import Shadow, main, shadowed_keywords

RULES = PROJECT_ROOT / "rules" / "extraction"


def _ruleset(tmp_path: Path, files: dict[str, str]):
    folder = tmp_path / "extraction"
    folder.mkdir()
    shutil.copy(RULES / "_common.yaml", folder / "_common.yaml")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_ruleset(folder)


def test_a_short_keyword_inside_another_indicators_keyword_is_reported(tmp_path):
    ruleset = _ruleset(tmp_path, {
        "smart_emergency.yaml": "indicator: 智慧应急\nrules:\n  - id: a\n"
                                "    keywords: [高效处置一件事]\n    levels: {built: built}\n",
        "value_added_services.yaml": "indicator: 政务增值化服务\nrules:\n  - id: b\n"
                                     "    keywords: [一件事, 一件事清单]\n"
                                     "    levels: {built: implemented}\n",
    })
    # 一件事 inside 一件事清单 is the same indicator's: no pair; inside 高效处置一件事 it is lost.
    assert shadowed_keywords(ruleset) == [
        Shadow("一件事", "value_added_services.yaml", "高效处置一件事", "smart_emergency.yaml")]


def test_the_project_report_runs_for_one_file(capsys):
    assert main(["smart_emergency"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith("共 ") and lines[-1].endswith(" 对 pairs")
    assert all(line.startswith("smart_emergency.yaml: ") for line in lines[:-1])
