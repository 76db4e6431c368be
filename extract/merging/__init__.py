"""Merging: one row per happening across documents, with the mentions that report it."""
