import pytest

from extract.events.amounts import find_amounts


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("a state loan of $1.5 billion", ["1500000000 USD"]),
        ("EUR 200 million and £3bn", ["200000000 EUR", "3000000000 GBP"]),
        ("3,000 roubles", ["3000 RUB"]),
        ("10 million dollars", ["10000000 USD"]),
        ("US$ 2.5 million", ["2500000 USD"]),
        ("€5bn", ["5000000000 EUR"]),
        ("a near-62% – 25% victory margin, 1.5 times more", []),
    ],
)
def test_money_is_normalized(text: str, amounts: list[str]) -> None:
    assert find_amounts(text) == amounts
