"""The nightly pipeline: every stage in order, a run summary, alerts, scheduling and status."""
