"""Offline sample government portals: rendered from documents-as-data and served on 127.0.0.1."""
