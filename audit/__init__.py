"""The evidence audit web UI (`citydx serve`): reviewers check evidence, accept or reject it,
override points with a reason, and see scores recompute at once.

Flask is imported only by audit.app, so importing this package costs nothing.
"""
