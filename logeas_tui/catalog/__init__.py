"""UI texts, one module per part of the UI: key -> (French, English)."""
