"""``python -m povertytext``: the command line, as the ``povertytext`` command runs it."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
