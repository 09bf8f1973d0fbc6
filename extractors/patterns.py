"""Text patterns shared by the engine and the domain count: sentence ends, list items."""

import re

SENTENCE_END_CHARS = "。!?;！？；\n"
SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_END_CHARS)}]")
# How a numbered item opens: "（一）", "二、", "3．".
NUMBERING = r"[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．]"
LIST_ITEM = re.compile(rf"\s*([一二三四五六七八九十]+是|{NUMBERING}|[-•·])")
# A table row whose item is not there yet: "拟上线", "建设中", "未上线".
NOT_YET = re.compile(r"计划|拟|将于|未|在建|建设中|筹建|谋划|待上线")
