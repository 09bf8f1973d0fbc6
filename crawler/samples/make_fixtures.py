"""How fixtures/sample.doc, sample.wps and sample.xls were made (run once; outputs committed).

No Python library writes Word-97 or Excel-97 binaries, so this script builds a DOCX and an XLSX
with the same generators the server uses and converts them with LibreOffice:

    apt-get install -y libreoffice-writer libreoffice-calc
    .venv/bin/python -m crawler.samples.make_fixtures

A .wps file from WPS Office is a Word-97 (OLE2) binary with another name, so sample.wps is a
copy of sample.doc made from its own text.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from crawler.samples.attachments import FIXTURES, docx_bytes, xlsx_bytes

DOC_TEXT = [
    "关于推进公共数据授权运营工作的补充说明",
    "本市公共数据授权运营平台已建成上线，首批授权运营场景涵盖普惠金融和医疗健康领域。",
    "市数据资源管理局负责授权运营的统筹管理和监督评估。",
]
WPS_TEXT = [
    "城市运行管理“一网统管”平台运行情况说明",
    "本市“一网统管”平台已全面建成，实现市、区、街道三级联动指挥。",
    "平台接入城市运行生命体征监测指标120余项。",
]
XLS_TEXT = [
    "数字化转型重点项目汇总表",
    "本市已建成数字化转型促进中心五家，服务中小企业2800余家次。",
    "城市智算中心已建成投用，算力规模达到500P。",
]


def convert(src: Path, fmt: str, outdir: Path) -> Path:
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", str(outdir),
                    str(src)], check=True, capture_output=True, timeout=180)
    return outdir / f"{src.stem}.{fmt}"


def main() -> None:
    FIXTURES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, text in (("doc_source", DOC_TEXT), ("wps_source", WPS_TEXT)):
            (work / f"{name}.docx").write_bytes(docx_bytes(text))
        (work / "xls_source.xlsx").write_bytes(xlsx_bytes(XLS_TEXT))
        shutil.copy(convert(work / "doc_source.docx", "doc", work), FIXTURES / "sample.doc")
        shutil.copy(convert(work / "wps_source.docx", "doc", work), FIXTURES / "sample.wps")
        shutil.copy(convert(work / "xls_source.xlsx", "xls", work), FIXTURES / "sample.xls")
    for path in sorted(FIXTURES.iterdir()):
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
