"""``python -m viewer``: guarded, so that spawned worker processes can import it safely."""

import multiprocessing
import sys

from viewer.cli import main
from viewer.core.tasks.spawning import end_of_program

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the frozen build's worker processes start here
    code = main()
    end_of_program()
    sys.exit(code)
