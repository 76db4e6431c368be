"""Evidence for one event as safe HTML: the sentence with its date highlighted, its context,
and, for an event several documents report, every source's sentence and any date conflict."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from extract.schema import split_values


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


def evidence_html(event: Mapping[str, str], mentions: Sequence[Mapping[str, str]] = ()) -> str:
    """A self-contained HTML card for an event; every piece of event text is escaped.

    ``mentions`` are the per-document events merged into ``event`` (rows of the mentions
    file); without them, a merged event lists its outlets and links from its own columns.
    """
    e = html.escape
    link_html, link_note = document_link(event)
    meta = [e(event.get("source", "")) or "Unknown source"]
    meta.append(f"published {e(event['published'])}" if event.get("published") else "no date")
    meta.extend(link_note)
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
        f'<div class="el-when">{period(event)} · {how}</div>'
        f"{reported_by(event)}{merge_reason_html(event)}{conflict_html(event)}"
        f'<blockquote class="el-sentence">{highlight(sentence, written)}</blockquote>'
        f"{context}"
        f'<div class="el-doc">{link_html}<br><span class="el-meta">{" · ".join(meta)}</span></div>'
        f"{sources_html(event, mentions)}"
        "</div>"
    )


def period(event: Mapping[str, str]) -> str:
    """The event's normalized date or period, escaped: "2020-08-11", "2020-08-01 – 2020-08-31"."""
    start, end = event.get("date", ""), event.get("end_date", "") or event.get("date", "")
    return html.escape(start if start == end else f"{start} – {end}") or "no date (unanchored)"


def document_link(event: Mapping[str, str]) -> tuple[str, list[str]]:
    """The document's title, linked when its URL is http(s), and a note on a URL not linked."""
    e = html.escape
    title = e(event.get("doc_title") or event.get("doc_id", ""))
    link = safe_link(event.get("url", ""))
    if link:
        return f'<a href="{e(link)}" target="_blank" rel="noopener noreferrer">{title}</a>', []
    return title, [f"link not shown: {e(event['url'])}"] if event.get("url") else []


def source_count(event: Mapping[str, str]) -> int:
    """How many documents report the event (1 when the column is missing or unreadable)."""
    count = str(event.get("sources", "")).strip()
    return int(count) if count.isascii() and count.isdigit() and int(count) > 0 else 1


def reported_by(event: Mapping[str, str]) -> str:
    """ "Reported by 3 sources: Baltic Wire, …" for an event several documents report."""
    count = source_count(event)
    if count < 2:
        return ""
    outlets = ", ".join(split_values(event.get("outlets", "")))
    names = f": {html.escape(outlets)}" if outlets else ""
    return f'<div class="el-reported">Reported by {count} sources{names}</div>'


def merge_reason_html(event: Mapping[str, str]) -> str:
    """Why the event's mentions were joined (the ``merge_reason`` column), when it says."""
    reason = str(event.get("merge_reason", "")).strip()
    if not reason:
        return ""
    return f'<div class="el-why">Joined as one happening: {html.escape(reason)}.</div>'


def conflict_html(event: Mapping[str, str]) -> str:
    """A visible warning when sources give other dates than the one shown."""
    conflict = event.get("date_conflict", "")
    if not conflict:
        return ""
    return (
        '<div class="el-conflict">Sources disagree on the date: '
        f"{html.escape(conflict)}. The timeline shows {period(event)}.</div>"
    )


def sources_html(event: Mapping[str, str], mentions: Sequence[Mapping[str, str]]) -> str:
    """Every source of a merged event: outlet, date as written, link and sentence."""
    if source_count(event) < 2 and len(mentions) < 2:
        return ""
    if not mentions:
        links = [safe_link(url) for url in split_values(event.get("urls", ""))]
        items = "".join(
            f'<li><a href="{html.escape(url)}" target="_blank" rel="noopener noreferrer">'
            f"{html.escape(url)}</a></li>"
            for url in links
            if url
        )
        return f'<div class="el-label">Source links</div><ul class="el-sources">{items}</ul>'
    items = "".join(_mention_html(event, mention) for mention in mentions)
    return (
        f'<div class="el-label">Sources ({len(mentions)})</div><ol class="el-sources">{items}</ol>'
    )


def _mention_html(event: Mapping[str, str], mention: Mapping[str, str]) -> str:
    e = html.escape
    written = mention.get("date_text", "")
    when = f"“{e(written)}” → {period(mention)}" if written else period(mention)
    differs = _differs(event, mention)
    if differs:
        when = f'<span class="el-differs">{when} (differs)</span>'
    link_html, link_note = document_link(mention)
    parts = [f'<span class="el-outlet">{e(mention.get("source", "")) or "Unknown source"}</span>']
    parts += [when, link_html, *link_note]
    return (
        f"<li>{' · '.join(parts)}"
        f'<div class="el-source-sentence">{highlight(mention.get("sentence", ""), written)}</div>'
        "</li>"
    )


def _differs(event: Mapping[str, str], mention: Mapping[str, str]) -> bool:
    """Whether the mention's period does not contain the event's (as in ``date_conflict``)."""
    start, end = event.get("date", ""), event.get("end_date", "") or event.get("date", "")
    own_start = mention.get("date", "")
    own_end = mention.get("end_date", "") or own_start
    return bool(start and own_start) and not own_start <= start <= end <= own_end
