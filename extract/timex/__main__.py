"""Command line: ``python -m extract.timex [--dct YYYY-MM-DD] FILE`` prints JSON lines."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from extract.reading.decoding import decode_utf8
from extract.reading.errors import DocumentError

from . import tag


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    """Tag a UTF-8 text file; one JSON object per expression on standard output."""
    parser = argparse.ArgumentParser(prog="python -m extract.timex", description=main.__doc__)
    parser.add_argument("file", help="UTF-8 text file")
    parser.add_argument("--dct", type=_date, help="document creation date, YYYY-MM-DD")
    args = parser.parse_args(argv)
    try:
        with open(args.file, "rb") as handle:
            text = decode_utf8(handle.read(), args.file)
    except OSError as error:
        print(f"cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
        return 1
    except DocumentError as error:
        print(f"cannot read {error}", file=sys.stderr)
        return 1
    for timex in tag(text, args.dct):
        record = {k: getattr(timex, k) for k in ("start", "end", "text", "type", "value")}
        print(json.dumps(record, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
