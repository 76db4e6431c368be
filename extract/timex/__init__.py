"""Temporal tagging: find date expressions in English text and normalize them to TIMEX3."""

from .model import Timex
from .tagger import tag

__all__ = ["Timex", "tag"]
