"""``python -m workspace``: see :mod:`workspace.command`."""

import sys

from workspace.command import main

sys.exit(main())
