"""Start-up of the hall's two unattended screens: `hall-desk kiosk` and `hall-desk display`."""

from __future__ import annotations

from hall_desk.services.workstation import Workstation
from hall_desk.sync.queue_link import QueueLink
from hall_desk.ui.app import application


def _link(ws: Workstation) -> QueueLink:
    link = QueueLink(ws)
    link.require_configured()
    return link


def run_kiosk(ws: Workstation, *, full_screen: bool = True) -> int:
    from hall_desk.ui.kiosk import KioskWindow
    from hall_desk.ui.ops import wait_for_workers

    link = _link(ws)
    app = application()
    window = KioskWindow(ws, link)
    window.showFullScreen() if full_screen else window.show()
    try:
        return app.exec()
    finally:
        wait_for_workers()
        link.close()


def run_display(ws: Workstation, *, full_screen: bool = True) -> int:
    from hall_desk.services.credentials import passfile
    from hall_desk.ui.display import DisplayWindow
    from hall_desk.ui.ops import wait_for_workers
    from hall_desk.ui.queue_watch import CLOSE_WAIT_S

    link = _link(ws)
    app = application()
    window = DisplayWindow(ws, link)
    # On PostgreSQL a NOTIFY wakes the display at once; the one-second poll stays as the net.
    window.start(link.notify_url, passfile(ws.home))
    window.showFullScreen() if full_screen else window.show()
    try:
        return app.exec()
    finally:
        window.stop(wait_s=CLOSE_WAIT_S)
        wait_for_workers()
        link.close()
