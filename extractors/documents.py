"""Reading local documents (the corpus, `citydx evidence` files) into stored-text form."""

from __future__ import annotations

from pathlib import Path

from citydx.errors import InputFileError

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")


def read_document(path: Path) -> str:
    """The text extraction sees: plain text as is, HTML's main text, attachments' text."""
    if not path.exists():
        raise InputFileError(f"file not found: {path}")
    if path.is_dir():
        raise InputFileError(f"{path} is a folder: give document files")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"cannot read {path} ({exc.strerror})") from exc
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                raise InputFileError(f"{path} is not UTF-8 or GB18030 text") from None
        if suffix in HTML_SUFFIXES:
            from extractors.html_text import html_to_text

            return html_to_text(text)
        return text.replace("\r\n", "\n")
    from extractors.attachment_text import extract_attachment_text

    result = extract_attachment_text(data, path.name)
    if result.status != "ok":
        raise InputFileError(f"cannot read text from {path}: {result.reason}")
    return result.text
