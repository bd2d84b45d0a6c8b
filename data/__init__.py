"""The shipped defaults (queues, routing rules, canned answers, documentation references, mail
templates), installed as the package `logeas_tui.data` so importlib.resources finds them in a
wheel, an editable install and a checkout alike. No code here: only the files beside it."""
