"""Eventline extractor: dated events from news articles, as one normalized table."""
