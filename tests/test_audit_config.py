"""Starting `citydx serve`: the bind check, reviewer lists, shared secret and login."""

from __future__ import annotations

import socket
from urllib.parse import quote

import pytest

from audit.config import check_bind, load_reviewers
from audit.errors import ServePortError
from audit.server import make_server
from citydx.cli import main
from citydx.errors import CitydxError
from tests.audit_support import csrf_of, error_message, make_client, prepare

SECRET_MESSAGE = ("监听 0.0.0.0 需要共享密钥 binding to 0.0.0.0 needs a shared secret: set "
                  "CITYDX_SECRET or pass --secret (only 127.0.0.1 / localhost may run without one)")


@pytest.fixture
def audit_db(tmp_path, monkeypatch):
    return prepare(tmp_path, monkeypatch)


def test_binding_beyond_localhost_needs_a_secret():
    with pytest.raises(CitydxError) as info:
        check_bind("0.0.0.0", None)
    assert str(info.value) == SECRET_MESSAGE
    with pytest.raises(CitydxError):
        check_bind("0.0.0.0", "   ")
    check_bind("127.0.0.1", None)
    check_bind("localhost", None)
    check_bind("0.0.0.0", "s3cret")


def test_serve_cli_refuses_public_bind_without_secret(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("CITYDX_SECRET", raising=False)
    code = main(["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"])
    assert code == 2
    assert capsys.readouterr().err == f"错误 error: {SECRET_MESSAGE}\n"
    assert not (tmp_path / "x.db").exists()


def test_reviewers_from_option_and_file(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    rules.mkdir()
    monkeypatch.setenv("CITYDX_RULES", str(rules))
    assert load_reviewers(None) == ()
    assert load_reviewers("张三, 李四，王五") == ("张三", "李四", "王五")
    with pytest.raises(CitydxError) as info:
        load_reviewers(" , ")
    assert str(info.value) == ("--reviewers: give reviewer names separated by commas, "
                               "e.g. --reviewers 张三,李四")
    (rules / "reviewers.yaml").write_text("reviewers: [赵六, 钱七]\n", encoding="utf-8")
    assert load_reviewers(None) == ("赵六", "钱七")
    assert load_reviewers("张三") == ("张三",)
    (rules / "reviewers.yaml").write_text("reviewers: 赵六\n", encoding="utf-8")
    with pytest.raises(CitydxError) as info:
        load_reviewers(None)
    assert str(info.value) == (f"{rules / 'reviewers.yaml'}: expected 'reviewers:' with a list "
                               "of names, e.g. reviewers: [张三, 李四]")


def test_login_against_reviewer_list(audit_db):
    client = make_client(audit_db, reviewers=("张三",))
    token = csrf_of(client)
    response = client.post("/login", data={"csrf_token": token, "name": "李四"})
    assert response.status_code == 403
    assert error_message(response) == "该姓名不在审核人名单中 not on the reviewer list"
    response = client.post("/login", data={"csrf_token": token, "name": "  "})
    assert response.status_code == 400
    assert error_message(response) == "请输入审核人姓名（不超过 40 字）enter your name"
    response = client.post("/login", data={"csrf_token": token, "name": "张三",
                                           "next": "//evil.example/"})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert '<strong id="reviewer-name">张三</strong>' in client.get("/").get_data(as_text=True)


def test_shared_secret_guards_pages_and_login(audit_db):
    client = make_client(audit_db, secret="s3cret")
    response = client.get("/city/杭州")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")
    token = csrf_of(client)
    response = client.post("/login", data={"csrf_token": token, "name": "张三",
                                           "secret": "wrong"})
    assert response.status_code == 403
    assert error_message(response) == "共享密钥不正确 wrong shared secret"
    response = client.post("/login", data={"csrf_token": token, "name": "张三",
                                           "secret": "s3cret", "next": "/city/杭州"})
    assert response.headers["Location"] == "/city/" + quote("杭州")
    assert client.get("/city/杭州").status_code == 200


def test_port_in_use_is_a_one_line_error(audit_db):
    from audit.config import AuditConfig

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServePortError) as info:
            make_server(AuditConfig(audit_db.path), "127.0.0.1", port)
    assert str(info.value).startswith(f"审核界面无法监听端口 cannot listen on port {port} (")
    assert str(info.value).endswith("): choose another with --port")
