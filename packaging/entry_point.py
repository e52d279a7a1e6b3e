"""The frozen app's start-up script: the same entry as the ``article-viewer`` console script."""

import sys

from viewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
