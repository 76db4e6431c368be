from pathlib import Path

import pytest

from extract.knowledge.lexicon import Lexicon, load_lexicon

REPO = Path(__file__).resolve().parents[2]
DEMO_ARTICLE = REPO / "data" / "articles" / "putin-lukashenko-sochi.md"


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def demo_article() -> Path:
    return DEMO_ARTICLE
