"""The extraction stage: document text → evidence rows (indicator, level, status, quantity).

Rules live in rules/extraction/ as data; this package only knows how to apply them.
"""
