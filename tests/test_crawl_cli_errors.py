"""Bad input to `citydx crawl` gives one clear line and exit code 2, before any request."""

from __future__ import annotations

import pytest

from citydx.cli import main


def run_cli(capsys, *args: str) -> tuple[int, str]:
    code = main(["crawl", *args])
    return code, capsys.readouterr().err.strip()


def test_source_needs_city(capsys, tmp_path):
    code, err = run_cli(capsys, "--db", str(tmp_path / "x.db"),
                        "--source", "http://www.gz.gov.cn/gkmlpt/index")
    assert (code, err) == (2, "错误 error: --source needs --city: say whose list page it is")


@pytest.mark.parametrize("url", ["http://www.156152.com/gkmlpt/index", "ftp://www.gz.gov.cn/x",
                                 "www.gz.gov.cn/gkmlpt/index"])
def test_bad_source_url(capsys, tmp_path, url):
    code, err = run_cli(capsys, "--db", str(tmp_path / "x.db"), "--source", url, "--city", "广州")
    assert code == 2
    assert err == (f"错误 error: --source {url} is not a list page on 广州's domains (gz.gov.cn): "
                   "give an http(s) URL on one of them")


def test_unknown_city(capsys, tmp_path):
    code, err = run_cli(capsys, "--db", str(tmp_path / "x.db"), "--city", "火星")
    assert (code, err) == (2, "错误 error: unknown city '火星': use a name from rules/cities.yaml "
                              "or add the city there")


def test_unknown_cms(capsys, tmp_path):
    code, err = run_cli(capsys, "--db", str(tmp_path / "x.db"), "--cms", "drupal")
    assert (code, err) == (2, "错误 error: --cms must be one of trs, hanweb, gkmlpt, generic, auto")


def test_site_profile_with_unknown_city_names_file_and_line(capsys, tmp_path):
    sites = tmp_path / "sites.yaml"
    sites.write_text("profile: live\nsources:\n  - city: 杭州\n    url: http://www.hangzhou.gov.cn/\n"
                     "  - city: 火星\n    url: http://www.mars.gov.cn/\n", encoding="utf-8")
    code, err = run_cli(capsys, "--db", str(tmp_path / "x.db"), "--sites", str(sites))
    assert (code, err) == (2, f"错误 error: {sites}:5: unknown city '火星': use a name from "
                              "rules/cities.yaml or add the city there")


def test_site_profile_with_foreign_url(capsys, tmp_path):
    sites = tmp_path / "sites.yaml"
    sites.write_text("profile: live\nsources:\n  - {city: 杭州, url: 'http://www.ningbo.gov.cn/'}\n",
                     encoding="utf-8")
    code, err = run_cli(capsys, "--db", str(tmp_path / "x.db"), "--sites", str(sites))
    assert (code, err) == (2, f"错误 error: {sites}:3: url http://www.ningbo.gov.cn/ is not on "
                              "杭州's domains (hangzhou.gov.cn)")


def test_unreadable_site_profile(capsys, tmp_path):
    sites = tmp_path / "sites.yaml"
    sites.write_text("profile: live\nsources: [\n", encoding="utf-8")
    code, err = run_cli(capsys, "--db", str(tmp_path / "x.db"), "--sites", str(sites))
    assert code == 2
    assert err.startswith(f"错误 error: {sites}:3: invalid YAML: ")


def test_missing_site_profile(capsys, tmp_path):
    missing = tmp_path / "nowhere.yaml"
    code, err = run_cli(capsys, "--db", str(tmp_path / "x.db"), "--sites", str(missing))
    assert (code, err) == (2, f"错误 error: {missing}: no site profile (*.yaml) found")
    assert not (tmp_path / "x.db").exists()
