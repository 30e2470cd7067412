"""What readers of the event log name without the registry: kinds, entities, applicant fields.

The registry (store/event_kinds.py) maps every projected table to declare the payloads' shapes;
a screen that only shows records (the clerk's first screen, a case's timeline) should not pay
for that at start-up. The registry takes these names from here, so each is declared once.
"""

from __future__ import annotations

from collections.abc import Mapping

RESOLVE_KIND = "sync.conflict_resolved"
SYNC_CONFLICT_ENTITY = "sync_conflict"
MONTHLY_REPORT_ENTITY = "monthly_report"

# An applicant's fields that people edit, each with the payload keys that carry it. An
# `applicant.recorded` of v3 sets only the fields it changes and names, under "seen", the event
# whose value of each field it replaced (as the recording workstation knew it): that tells a
# sequential edit from two workstations editing the same field without knowing of each other
# (sync/history.py turns the second kind into a conflict for the team lead).
APPLICANT_FIELDS: Mapping[str, tuple[str, ...]] = {
    "phone": ("phone_cipher", "phone_index", "phone_masked"),
    "address": ("address_cipher",),
    "name": ("name",),
    "legal_representative": ("legal_representative",),
    "contact_name": ("contact_name",),
}
