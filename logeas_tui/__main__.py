from logeas_tui.cli import main

raise SystemExit(main())
