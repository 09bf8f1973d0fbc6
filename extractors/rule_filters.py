"""A rule's sentence filters (all_of, any_of, none_of, none_of_clause, all_groups) as sets.

A sentence with a hit is scanned once for every filter word of every rule; each rule then
asks set questions of what was found. Asking `word in sentence` word by word for every hit
cost more than the keyword pass itself once the rules had grown long exclusion lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.rules import Rule


@dataclass(frozen=True)
class RuleFilters:
    all_of: frozenset[str]
    any_of: frozenset[str]
    none_of: frozenset[str]
    none_of_clause: frozenset[str]
    groups: tuple[frozenset[str], ...]
    words: frozenset[str]
    gate: tuple[str, ...]  # words of which the sentence must hold one: the fewest such
    # The gate as one pattern, None when the rule needs no word. Most keyword hits on a page are
    # of rules that need a word the sentence lacks ("深化改革" where no word of data fusion is
    # near): the engine's hit loop searches the sentence with this (one search in C for all the
    # words) before the sentence is scanned for every rule's filter words.
    gate_pattern: re.Pattern | None = field(default=None, compare=False)

    @classmethod
    def of(cls, rule: Rule) -> RuleFilters:
        groups = tuple(frozenset(g) for g in rule.all_groups)
        words = frozenset(rule.all_of) | frozenset(rule.any_of) | frozenset(rule.none_of) \
            | frozenset(rule.none_of_clause) | frozenset().union(*groups)
        gate = _gate(rule)
        pattern = re.compile("|".join(map(re.escape, gate))) if gate else None
        return cls(frozenset(rule.all_of), frozenset(rule.any_of), frozenset(rule.none_of),
                   frozenset(rule.none_of_clause), groups, words, gate, pattern)

    def may_pass(self, present: frozenset[str]) -> bool:
        """What the words that must be there allow: a clause holds no word its sentence lacks."""
        return self.all_of <= present \
            and (not self.any_of or not self.any_of.isdisjoint(present)) \
            and all(not group.isdisjoint(present) for group in self.groups)

    def passes(self, present: frozenset[str], in_clause: frozenset[str]) -> bool:
        """present: the filter words where the rule looks (sentence or clause, by its scope);
        in_clause: those of the hit's own clause, for none_of_clause."""
        return self.may_pass(present) and self.none_of.isdisjoint(present) \
            and self.none_of_clause.isdisjoint(in_clause)


def _gate(rule: Rule) -> tuple[str, ...]:
    """The smallest set of words one of which any sentence the rule passes must hold."""
    needed = [(w,) for w in rule.all_of] + [tuple(g) for g in rule.all_groups]
    needed += [group for group in (tuple(rule.any_of), tuple(rule.near)) if group]
    return min(needed, key=lambda g: (len(g), -min(map(len, g))), default=())
