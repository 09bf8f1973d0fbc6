"""Chinese labels for the codes stored in the database, and a guard for crawled URLs."""

from __future__ import annotations

REASONS = {"evidence": "依据证据", "override": "人工改分", "searched_nothing_found": "已检索未发现",
           "not_searched": "未检索"}
STATUSES = {"issued": "已出台", "built": "已建成", "planned": "规划中", "negated": "否定",
            "mentioned": "提及"}
ATTRIBUTIONS = {"city": "本市", "province": "省级", "national": "国家级", "other_city": "其他城市"}
REVIEWS = {"pending": "待审", "accepted": "已采纳", "rejected": "已驳回"}
ACTIONS = {"accept_evidence": "采纳证据", "reject_evidence": "驳回证据",
           "reset_evidence": "恢复待审", "override": "人工改分", "clear_override": "撤销人工分",
           "login": "登录", "export": "导出", "sheet_import": "导入评分表",
           "import_sheets": "导入评分表文件"}


def label(table: dict[str, str], code: object) -> str:
    """The label, or the raw code when the database holds something newer than this table."""
    if code is None:
        return "—"
    return table.get(str(code), str(code))


def web_url(url: object) -> str | None:
    """Only http(s) links are rendered: a crawled 'javascript:' URL must never become a link."""
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return url
    return None


def template_helpers() -> dict[str, object]:
    return {"reason_label": lambda c: label(REASONS, c),
            "status_label": lambda c: label(STATUSES, c),
            "attribution_label": lambda c: label(ATTRIBUTIONS, c),
            "review_label": lambda c: label(REVIEWS, c),
            "action_label": lambda c: label(ACTIONS, c),
            "web_url": web_url}
