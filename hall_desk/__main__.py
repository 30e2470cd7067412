"""`python -m hall_desk` is the same as the `hall-desk` command."""

import sys

from hall_desk.cli import main

sys.exit(main())
