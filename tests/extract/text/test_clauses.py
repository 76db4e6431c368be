"""The light parse of a sentence: its main verb, infinitives, and what is no verb."""

import pytest

from extract.text.clauses import COMPLEMENT, FUTURE, MAIN, PAST, parse


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        # an opening prepositional phrase holds no main verb ("features" is a noun here)
        ("In addition to its design features, Jobs showed off the phone.", "showed"),
        ("In line with the club's plans, Abara signed a new contract.", "signed"),
        # a subordinate clause that opens the sentence is no such phrase
        ("After the vote ended, the minister resigned.", "resigned"),
        # a word after a preposition is no verb ("over claims of")
        ("A lawsuit was filed against the carmaker over claims of faulty brakes.", "filed"),
    ],
)
def test_the_main_verb(sentence: str, head: str) -> None:
    main = parse(sentence).main
    assert main is not None and (main.head, main.clause) == (head, MAIN)


def test_a_to_infinitive_after_a_verb_is_a_happening_still_to_come() -> None:
    predicates = parse("The two leaders agreed to meet again in May.").predicates
    assert [(p.head, p.tense, p.clause) for p in predicates] == [
        ("agreed", PAST, MAIN),
        ("meet", FUTURE, COMPLEMENT),
    ]
    # a name after "to" is no infinitive
    renamed = parse("The store was renamed to iTunes Store in 2006.").predicates
    assert [p.head for p in renamed] == ["renamed"]
