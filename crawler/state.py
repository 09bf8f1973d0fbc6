"""Per-source bookkeeping during a run: counters, paging state, and the final status."""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler.plan import SourcePlan


@dataclass
class SourceState:
    plan: SourcePlan
    counts: dict[str, int] = field(default_factory=lambda: {
        "lists_fetched": 0, "new_documents": 0, "changed_documents": 0,
        "unchanged_documents": 0, "attachments": 0, "errors": 0})
    rows_seen: int = 0
    blocked: str | None = None
    unreachable: str | None = None
    broken: str | None = None
    skipped: str | None = None
    notes: list[str] = field(default_factory=list)
    cms: str | None = None
    mojibake: int = 0  # pages still carrying U+FFFD after decoding

    def add(self, counter: str, n: int = 1) -> None:
        self.counts[counter] += n

    def status(self) -> str:
        """ok | empty | blocked | broken | unreachable | skipped, in that order of evidence."""
        if self.skipped:
            return "skipped"
        if self.blocked:
            return "blocked"
        if self.unreachable and self.counts["lists_fetched"] == 0:
            return "unreachable"
        if self.broken and self.rows_seen == 0:
            return "broken"
        if self.rows_seen == 0:
            return "broken" if self.plan.had_documents else "empty"
        return "ok"

    def message(self) -> str | None:
        parts = [m for m in (self.skipped, self.blocked, self.unreachable, self.broken) if m]
        if self.rows_seen == 0 and self.plan.had_documents and not parts:
            parts.append(f"列表解析为空（此前有 {self.plan.had_documents} 篇） "
                         "list parsed empty, had documents before")
        if self.mojibake:
            parts.append(f"乱码页 {self.mojibake} mojibake pages")
        return "; ".join(parts + self.notes) or None
