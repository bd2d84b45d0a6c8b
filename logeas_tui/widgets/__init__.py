"""The main screen's panes: queue list, ticket list, ticket detail, hours banner, sync status."""
