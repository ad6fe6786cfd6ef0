"""The bundle's program: the same entry point as the installed ``dx-planner`` command."""

import sys

from dx_planner.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
