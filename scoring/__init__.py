"""Scoring: turn credited evidence into points per city and indicator, then sum up the tree.

The rules implemented here (docs/scoring.md explains them for analysts):

1. Every row of the `cities` table is scored; `--city` only limits what is printed. Quantities are
   normalised across all assessed cities, whatever is printed.
2. The tree is rules/indicators.yaml, re-weighted by rules/expert_weights.yaml when that file
   exists (scoring.weights), unless `--no-expert-weights`; `--weights FILE` names another file.
3. Credited evidence: review_status != 'rejected', repealed = 0, status != 'negated', credit of its
   attribution > 0, a level key of its indicator (others are skipped and counted), and dated inside
   the window (window_start <= date <= as_of). A NULL evidence_date falls back to the document's
   published_date, then written_date, then fetched_at; a row with none of them is undated and
   counts (the summary reports how many undated rows were used).
4. Level points: each credited row offers level.points x credit; a level with `requires` is offered
   only when every required level has credited rows, worth level.points x the smallest best credit
   among them. The best offer wins; all rows behind a tied best offer are linked (scoring.levels).
5. Quantity: q is the largest quantity of the city's credited rows for the indicator; normalised
   across assessed cities with q > 0 (minmax, log_minmax, capped; max == min gives 1.0; clamped to
   [0, 1]); quantity points = quantity.points x normalised x credit of that row (scoring.quantity).
6. points = min(weight, level points + quantity points), rounded to 4 decimals.
7. The latest active override replaces the points (reason 'override'); links are still kept.
8. Zero without evidence: 'searched_nothing_found' if the city was searched, else 'not_searched';
   cities with any 'not_searched' indicator are flagged and never ranked among the others.
9. One scoring run is written in one transaction (scoring.store); scoring.results reads it back.
"""
