"""A province entry named where a city is needed (override, score or export --city) is one
clear line, exit 2: the entry owns documents but is never scored."""

from __future__ import annotations

from pathlib import Path

import pytest

from citydx.cli import main

MESSAGE = ("错误 error: “浙江省”是省级门户，不是城市 '浙江省' is a provincial portal, not a city: "
           "its documents count for each assessed city of 浙江; name one of those cities\n")


@pytest.mark.parametrize("argv", [
    ["override", "浙江省", "公共数据授权运营", "2", "--reason", "x", "--reviewer", "张三"],
    ["override", "浙江省", "公共数据授权运营", "--clear", "--reason", "x", "--reviewer", "张三"],
    ["score", "--city", "浙江省"],
    ["export", "sheets", "--city", "浙江省"],
], ids=["override", "override --clear", "score", "export"])
def test_a_province_entry_is_refused_where_a_city_is_needed(
        argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = ["--out", str(tmp_path / "sheets")] if argv[0] == "export" else []
    assert main([*argv, *out, "--db", str(tmp_path / "c.db")]) == 2
    assert capsys.readouterr().err == MESSAGE
    assert not (tmp_path / "sheets").exists()
