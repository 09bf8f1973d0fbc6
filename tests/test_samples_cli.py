"""`citydx samples list` and `citydx samples serve`, run as a user runs them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from samples_support import fetch

from citydx.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_list_prints_every_site_and_its_list_url(capsys):
    assert main(["samples", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "城市 city\t类型 family\t文档 docs\t默认情形 scenario\t列表页 list URL"
    assert lines[1:] == [
        "杭州\thanweb\t72\tnormal\thttp://www.hangzhou.gov.cn/col/col1229063382/index.html",
        "宁波\thanweb\t64\tnormal\thttp://www.ningbo.gov.cn/col/col1229116730/index.html",
        "北京\ttrs\t70\tnormal\thttp://www.beijing.gov.cn/zhengce/zfwj/index.html",
        "贵阳\ttrs\t62\tnormal\thttp://www.guiyang.gov.cn/zwgk/zcwj/index.html",
        "广州\tgkmlpt\t70\tnormal\thttp://www.gz.gov.cn/gkmlpt/index",
        "无锡\tgeneric\t62\tnormal\thttp://www.wuxi.gov.cn/zfxxgk/zcwj/index.shtml",
        "成都\ttrs\t20\tblocked_412\thttp://www.chengdu.gov.cn/zwgk/zcwj/index.html",
    ]


def test_serve_prints_the_proxy_url_and_serves_until_stopped():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "citydx.cli", "samples", "serve", "--port",
                             "0"], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        began = time.perf_counter()
        first = proc.stdout.readline()
        assert time.perf_counter() - began < 5
        assert first.startswith("样例门户代理已启动 sample portals proxy: http://127.0.0.1:")
        proxy = first.split(": ", 1)[1].strip()
        assert fetch(proxy, "http://www.gz.gov.cn/robots.txt").status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_on_a_busy_port_is_one_line_error(capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["samples", "serve", "--port", str(port)]) == 2
    assert capsys.readouterr().err == (
        f"错误 error: 样例门户无法监听端口 cannot listen on port {port} (Address already in "
        f"use): choose another with --port, or --port 0 for any free port\n")


def test_samples_needs_an_action(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["samples"])
    assert exc.value.code == 2
    assert "the following arguments are required: ACTION" in capsys.readouterr().err
