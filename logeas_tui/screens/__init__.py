"""Screens: main (mediator of the panes), phone intake, dialogs, compose, help."""
