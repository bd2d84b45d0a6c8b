"""logeas-tui: a keyboard-driven terminal helpdesk for Logeas Informatique's support."""

__version__ = "0.1.0"
