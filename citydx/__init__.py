"""citydx: evidence gathering and scoring for the city digital-transformation assessment."""

__version__ = "0.1.0"
