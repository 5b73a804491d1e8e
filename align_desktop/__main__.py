"""`python -m align_desktop` runs the same command line as `align-desktop`."""

import sys

from align_desktop.cli import main

sys.exit(main())
