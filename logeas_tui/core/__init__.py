"""The helpdesk itself: store, procedure services, mail. Never imports the UI (textual/rich)."""
