"""DOC and WPS attachments through the real tools the set-up installs (antiword, LibreOffice).

The sample fixtures are small Word-97 files antiword refuses ("text stream too small"), so these
also prove the LibreOffice fallback, including several conversions at once.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from extractors.attachment_text import extract_attachment_text

FIXTURES = Path(__file__).resolve().parent.parent / "crawler" / "samples" / "fixtures"


@pytest.mark.parametrize(("name", "first_line"), [
    ("sample.doc", "关于推进公共数据授权运营工作的补充说明"),
    ("sample.wps", "城市运行管理“一网统管”平台运行情况说明"),
])
def test_word97_text_from_real_files(name: str, first_line: str) -> None:
    result = extract_attachment_text((FIXTURES / name).read_bytes(), name)
    assert result.status == "ok", result.reason
    assert result.file_type == name.rsplit(".", 1)[1]
    assert result.text.splitlines()[0] == first_line


def test_concurrent_conversions_all_succeed() -> None:
    data = (FIXTURES / "sample.doc").read_bytes()
    with ThreadPoolExecutor(3) as pool:
        results = list(pool.map(lambda _: extract_attachment_text(data, "a.doc"), range(3)))
    assert [r.status for r in results] == ["ok", "ok", "ok"]
    assert len({r.text for r in results}) == 1
