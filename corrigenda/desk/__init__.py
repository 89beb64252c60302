"""The desk: editors triage, check, decide and answer readers' reports.

Editors belong to outlets (`Membership`) and see only their outlets' reports. Every
state change, assignment, note and reply writes an audit entry in the same
transaction (`reports.ReportEvent`). The automated pre-check (`Check`) compares the
reported passage with other outlets and the reader's evidence; it is a hint, never a
decision.
"""
