"""`python -m hall_desk` is the same as the `hall-desk` command."""

import os
import sys

if os.environ.get("HALL_DESK_ARGON2_CHILD") == "1":
    # The packaged program started as its own password-checking child (services/password_check).
    from hall_desk.services.password_check import child_main

    child_main()
    sys.exit(0)

from hall_desk.cli import main

sys.exit(main())
