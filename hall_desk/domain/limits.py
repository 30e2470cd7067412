"""The hall's rule constants: periods, minimum reasons and the lengths of names and notes."""

from __future__ import annotations

SUPPLEMENT_DAYS = 5  # default 补正 period in working days, when the clerk sets none
MIN_REASON = 4  # characters of a refusal, denial, return or 容缺 commitment
MAX_NAME = 32  # a giver's, receiver's or proxy's name
MAX_NOTE = 500  # a note or a reason
MAX_ADDRESS = 200  # a postal address: the longest county address with its door number fits
MAX_SHORT_NOTE = 200  # a calendar day's or year's note, the reason a full value was looked at
MAX_QUERY = 100  # a search box: longer than any name, number or code the program stores
MAX_CASE_REF = 64  # a typed or scanned case reference: a case id or number is far shorter
MAX_DEPARTMENT = 100  # an approving department's name, as the catalog limits it
MAX_MATERIAL = 200  # a material's name, as the catalog limits it
MAX_REQUIREMENT = 100  # what a 一次性告知书 asks of one missing material (原件、加盖公章…)
MAX_TICKET_TEXT = 1000  # a ticket's description, cause analysis or answer to the reporter
MAX_EXTERNAL_NO = 40  # a 12345 platform's 工单号
MAX_STEP_NOTE = 1200  # a line of a ticket's timeline: the step's words around a typed text
MAX_REPORT_TEXT = 4000  # one of the lead's own sections of the monthly report
