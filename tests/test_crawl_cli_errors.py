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
    assert (code, err) == (2, "错误 error: --cms must be one of trs, hanweb, gkmlpt, generic, "
                           "suzhou_json, igs, bulidstatic, auto")


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


@pytest.mark.parametrize("verb", ["crawl", "run"])
@pytest.mark.parametrize(("option", "value", "message"), [
    ("--refresh-days", "-1", "错误 error: --refresh-days 必须不小于 0 must be 0 or more"),
    ("--delay", "-0.5", "错误 error: --delay 必须不小于 0 must be 0 or more"),
])
def test_shared_crawl_options_are_checked_alike(capsys, tmp_path, verb, option, value, message):
    """`citydx crawl` and `citydx run` take the same crawl options with the same checks."""
    db = tmp_path / "x.db"
    code = main([verb, "--db", str(db), "--samples", option, value])
    assert (code, capsys.readouterr().err.strip()) == (2, message)
    assert not db.exists()  # refused before anything started


def test_shared_crawl_options_have_one_help_text():
    import argparse

    from citydx.commands import crawl, run

    def helps(module) -> dict[str, str]:
        parser = argparse.ArgumentParser()
        module.register(parser.add_subparsers())
        verb = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        (sub,) = verb.choices.values()
        return {a.option_strings[0]: a.help for a in sub._actions if a.option_strings}

    crawl_help, run_help = helps(crawl), helps(run)
    shared = ["--samples", "--proxy", "--sites", "--delay", "--refresh-days"]
    assert [crawl_help[o] for o in shared] == [run_help[o] for o in shared]


def test_samples_with_proxy_uses_the_running_sample_server(monkeypatch, capsys, tmp_path):
    """--samples --proxy URL crawls through that server instead of starting a second one."""
    import types

    import crawler.report
    import crawler.runner
    import crawler.samples.server

    def no_server(*args, **kwargs):
        raise AssertionError("a sample server was started although --proxy was given")

    seen = {}

    def fake_run_crawl(plan, **kwargs):
        seen.update(kwargs)
        return types.SimpleNamespace(run_id=1, failed=False)

    monkeypatch.setattr(crawler.samples.server, "SampleServer", no_server)
    monkeypatch.setattr(crawler.runner, "prepare", lambda *a, **k: None)
    monkeypatch.setattr(crawler.runner, "run_crawl", fake_run_crawl)
    monkeypatch.setattr(crawler.report, "print_report", lambda db, run_id: None)
    code = main(["crawl", "--db", str(tmp_path / "x.db"), "--samples",
                 "--proxy", "http://127.0.0.1:9/"])
    assert code == 0
    assert (seen["proxy"], seen["delay"]) == ("http://127.0.0.1:9/", 0.0)
