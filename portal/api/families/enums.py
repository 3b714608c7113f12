"""The families slice's enums, apart from its types so the conferences slice can name them too."""

import strawberry

from portal.families.attendance import Attendance

AttendanceEnum = strawberry.enum(Attendance, name="Attendance", description="Whether an invited organisation will come to the meeting.")
