"""Checks on the files a run is asked to write, made before any document is read.

An output must not be one of the inputs (the article would be replaced by CSV), and must be a
regular file or not exist yet: the atomic write replaces the path with a new regular file, so a
symbolic link, a FIFO or a device node given as output would be destroyed, not written through.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from extract.reading.discovery import DOCUMENT_SUFFIXES
from extract.reading.documents import file_kind


def target_problem(target: Path, inputs: Iterable[Path]) -> str:
    """Why ``target`` may not be written by a run reading ``inputs``, or "" when it may."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return ""
    except OSError as error:
        return f"cannot check the output {target}: {error.strerror or error}"
    if not stat.S_ISREG(mode):
        return f"the output {target} is {file_kind(mode)}, not a regular file; give another path"
    for source in inputs:
        if _reads(source, target):
            return f"the output {target} is one of the inputs ({source}); give another path"
    return ""


def _reads(source: Path, target: Path) -> bool:
    """Whether a run given the input ``source`` reads the existing file ``target``."""
    try:
        if source.is_dir():
            inside = Path(os.path.realpath(target)).is_relative_to(os.path.realpath(source))
            return inside and target.suffix.lower() in DOCUMENT_SUFFIXES
        return os.path.samefile(source, target)
    except OSError:
        return False
