from dashboard import evidence

EVENT = {
    "title": "Putin met <b>Lukashenko</b>",
    "date": "2020-09-14",
    "end_date": "2020-09-14",
    "date_text": "On Monday",
    "date_source": "explicit",
    "sentence": "On Monday, Putin met <Lukashenko> in Sochi.",
    "paragraph": "Intro & more. On Monday, Putin met <Lukashenko> in Sochi. Outro.",
    "doc_title": "Putin & Lukashenko",
    "doc_id": "doc",
    "source": "Global Research",
    "published": "2020-09-15",
    "url": "https://example.org/a?b=1&c=2",
}


def test_highlight_escapes_and_marks_the_first_match() -> None:
    out = evidence.highlight("on monday, <b>x</b> On Monday", "On Monday")
    assert out == '<mark class="el-date">on monday</mark>, &lt;b&gt;x&lt;/b&gt; On Monday'


def test_highlight_without_a_match_or_phrase_only_escapes() -> None:
    assert evidence.highlight("a <i>b</i>", "zzz") == "a &lt;i&gt;b&lt;/i&gt;"
    assert evidence.highlight("a <i>b</i>", "") == "a &lt;i&gt;b&lt;/i&gt;"


def test_highlight_phrase_with_markup_is_escaped_inside_the_mark() -> None:
    out = evidence.highlight("before <now> after", "<now>")
    assert out == 'before <mark class="el-date">&lt;now&gt;</mark> after'


def test_paragraph_emphasizes_the_sentence() -> None:
    out = evidence.paragraph_html(EVENT["paragraph"], EVENT["sentence"], "On Monday")
    assert out.startswith("Intro &amp; more. <strong><mark")
    assert "&lt;Lukashenko&gt;" in out and out.endswith("</strong> Outro.")


def test_card_holds_everything_escaped() -> None:
    card = evidence.evidence_html(EVENT)
    assert "Putin met &lt;b&gt;Lukashenko&lt;/b&gt;" in card
    assert '<a href="https://example.org/a?b=1&amp;c=2" target="_blank"' in card
    assert "Putin &amp; Lukashenko</a>" in card
    assert "published 2020-09-15" in card
    assert '<mark class="el-date">On Monday</mark>' in card
    assert "<b>" not in card


def test_only_http_links_are_rendered() -> None:
    for url in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>",
        "//evil.example",
        "https://",
        "http://x.example/\nline",
    ):
        assert evidence.safe_link(url) is None, url
        card = evidence.evidence_html({**EVENT, "url": url})
        assert "<a " not in card
    assert evidence.safe_link(" http://ok.example/p ") == "http://ok.example/p"


def test_unanchored_event_without_paragraph() -> None:
    card = evidence.evidence_html(
        {**EVENT, "date": "", "end_date": "", "date_text": "", "paragraph": "", "url": ""}
    )
    assert "no date (unanchored)" in card
    assert "Paragraph" not in card


def test_the_reason_of_a_merge_is_shown_escaped_and_only_when_given() -> None:
    reason = "same kind (meeting); same place (<b>Sochi</b>); same day"
    assert evidence.merge_reason_html({"merge_reason": reason}) == (
        '<div class="el-why">Joined as one happening: same kind (meeting); same place'
        " (&lt;b&gt;Sochi&lt;/b&gt;); same day.</div>"
    )
    assert evidence.merge_reason_html({"merge_reason": ""}) == ""
    assert evidence.merge_reason_html({}) == ""
