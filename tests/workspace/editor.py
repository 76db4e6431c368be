"""A second user, in a process of its own: edits one field of every event of a workspace.

``python editor.py LOCATION FIELD VALUE START_FILE`` waits for ``START_FILE`` to exist (so that
several editors start together), then sets ``FIELD`` of each event to ``VALUE`` and the event
id, each edit in its own transaction, and prints the conflicts it met, one per line.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from workspace.edits import edit
from workspace.store import Workspace
from workspace.views import event_key, read_stored


def main(location: str, field: str, value: str, start: Path) -> None:
    workspace = Workspace.open(location)
    stored = read_stored(workspace)
    while not start.exists():
        time.sleep(0.01)
    for row in stored.events.to_dict("records"):
        key = event_key(stored.documents, row)
        wanted = f"{value} {row['event_id']}"
        for conflict in edit(workspace, key, row["event_id"], {field: wanted}, {field: row[field]}):
            print(conflict.field, conflict.stored, flush=True)
    workspace.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4]))
