"""Evidence for one event as safe HTML: the sentence with its date highlighted, and context."""

from __future__ import annotations

import html
from collections.abc import Mapping
from urllib.parse import urlsplit


def safe_link(url: str) -> str | None:
    """``url`` when it is an absolute http(s) link, else None."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and url.isprintable():
        return url
    return None


def highlight(text: str, phrase: str, css_class: str = "el-date") -> str:
    """Escape ``text`` and wrap the first case-insensitive occurrence of ``phrase`` in <mark>."""
    at = text.casefold().find(phrase.casefold()) if phrase.strip() else -1
    if at < 0 or len(text.casefold()) != len(text):
        return html.escape(text)
    end = at + len(phrase)
    return (
        html.escape(text[:at])
        + f'<mark class="{css_class}">'
        + html.escape(text[at:end])
        + "</mark>"
        + html.escape(text[end:])
    )


def paragraph_html(paragraph: str, sentence: str, phrase: str) -> str:
    """The paragraph with the event's sentence emphasized and its date highlighted."""
    at = paragraph.find(sentence) if sentence else -1
    if at < 0:
        return html.escape(paragraph)
    end = at + len(sentence)
    return (
        html.escape(paragraph[:at])
        + f"<strong>{highlight(sentence, phrase)}</strong>"
        + html.escape(paragraph[end:])
    )


def evidence_html(event: Mapping[str, str]) -> str:
    """A self-contained HTML card for an event; every piece of event text is escaped."""
    e = html.escape
    title = e(event.get("doc_title") or event.get("doc_id", ""))
    link = safe_link(event.get("url", ""))
    if link:
        title = f'<a href="{e(link)}" target="_blank" rel="noopener noreferrer">{title}</a>'
    meta = [e(event.get("source", "")) or "Unknown source"]
    meta.append(f"published {e(event['published'])}" if event.get("published") else "no date")
    if not link and event.get("url"):
        meta.append(f"link not shown: {e(event['url'])}")
    date = event.get("date", "")
    end = event.get("end_date", "")
    when = date if date == end else f"{date} – {end}"
    when = e(when) or "no date (unanchored)"
    written = event.get("date_text", "")
    how = f"written “{e(written)}”" if written else e(event.get("date_source", ""))
    sentence = event.get("sentence", "")
    paragraph = event.get("paragraph", "")
    context = ""
    if paragraph and paragraph.strip() != sentence.strip():
        context = (
            '<div class="el-label">Paragraph</div>'
            f'<p class="el-paragraph">{paragraph_html(paragraph, sentence, written)}</p>'
        )
    return (
        '<div class="el-evidence">'
        f'<div class="el-title">{e(event.get("title", ""))}</div>'
        f'<div class="el-when">{when} · {how}</div>'
        f'<blockquote class="el-sentence">{highlight(sentence, written)}</blockquote>'
        f"{context}"
        f'<div class="el-doc">{title}<br><span class="el-meta">{" · ".join(meta)}</span></div>'
        "</div>"
    )
