"""Error report of a benchmark run: missed, spurious, wrong value and wrong type expressions."""

from __future__ import annotations

from pathlib import Path

from tempeval_corpus import Document, Span
from tempeval_score import align

CONTEXT = 60


def _context(text: str, span: Span) -> str:
    before = text[max(0, span.start - CONTEXT) : span.start]
    after = text[span.end : span.end + CONTEXT]
    return " ".join(f"{before}[[{text[span.start : span.end]}]]{after}".split())


def write_errors(path: Path, reports: list[tuple[str, list[Document], list[list[Span]]]]) -> None:
    """Write one section per error kind (missed, spurious, span boundary, value, type).

    Each line names the document and values, then the gold expression in [[...]] in context.
    """
    sections: dict[str, list[str]] = {
        "missed": [],
        "spurious": [],
        "boundary": [],
        "value": [],
        "type": [],
    }
    for corpus, docs, outputs in reports:
        for doc, system in zip(docs, outputs, strict=True):
            where = f"{corpus}/{doc.name} dct={doc.dct}"
            alignment = align(doc.gold, system)
            for g in alignment.missed:
                sections["missed"].append(f"{where} {g.type} {g.value}\t{_context(doc.text, g)}")
            for s in alignment.spurious:
                sections["spurious"].append(f"{where} {s.type} {s.value}\t{_context(doc.text, s)}")
            for g, s in alignment.relaxed:
                if (g.start, g.end) != (s.start, s.end):
                    line = f"{where} ours=[{doc.text[s.start : s.end]}]"
                    sections["boundary"].append(f"{line}\t{_context(doc.text, g)}")
                if g.value != s.value:
                    line = f"{where} gold={g.value} ours={s.value} [{doc.text[s.start : s.end]}]"
                    sections["value"].append(f"{line}\t{_context(doc.text, g)}")
                if g.type != s.type:
                    line = f"{where} gold={g.type} ours={s.type} [{doc.text[s.start : s.end]}]"
                    sections["type"].append(f"{line}\t{_context(doc.text, g)}")
    with path.open("w", encoding="utf-8") as out:
        for name, lines in sections.items():
            out.write(f"## {name} ({len(lines)})\n")
            out.writelines(line + "\n" for line in lines)
            out.write("\n")
