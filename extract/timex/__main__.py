"""Command line: ``python -m extract.timex [--dct YYYY-MM-DD] FILE`` prints JSON lines."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from . import tag


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _read_utf8(path: str) -> str:
    """The text of a UTF-8 file as written (offsets count its characters, line ends kept);
    ValueError says why it is not UTF-8 text."""
    with open(path, "rb") as handle:
        data = handle.read()
    if b"\x00" in data:
        raise ValueError("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "convert it to UTF-8 first"
        ) from None


def main(argv: list[str] | None = None) -> int:
    """Tag a UTF-8 text file; one JSON object per expression on standard output."""
    parser = argparse.ArgumentParser(prog="python -m extract.timex", description=main.__doc__)
    parser.add_argument("file", help="UTF-8 text file")
    parser.add_argument("--dct", type=_date, help="document creation date, YYYY-MM-DD")
    args = parser.parse_args(argv)
    try:
        text = _read_utf8(args.file)
    except OSError as error:
        print(f"cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"cannot read {args.file}: {error}", file=sys.stderr)
        return 1
    for timex in tag(text, args.dct):
        record = {k: getattr(timex, k) for k in ("start", "end", "text", "type", "value")}
        print(json.dumps(record, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
