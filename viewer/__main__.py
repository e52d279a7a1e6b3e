"""``python -m viewer``: guarded, so that spawned worker processes can import it safely."""

import multiprocessing
import sys

from viewer.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the frozen build's worker processes start here
    sys.exit(main())
