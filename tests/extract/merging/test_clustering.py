"""Parts of joining pairs into groups."""

from extract.merging.clustering import _numbered


def test_equal_values_are_numbered_alike_in_order_of_first_sight() -> None:
    assert _numbered(["doc-b", "doc-a", "doc-b", "doc-c", "doc-a"]) == [0, 1, 0, 2, 1]
    assert _numbered([]) == []
