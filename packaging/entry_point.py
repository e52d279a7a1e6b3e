"""The frozen app's start-up script: the same entry as the ``article-viewer`` console script."""

import multiprocessing
import sys

from viewer.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # spawned worker processes of the frozen app start here
    sys.exit(main())
