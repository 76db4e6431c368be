"""Text: sentences, boilerplate, normalization, names and the matching of phrases."""
