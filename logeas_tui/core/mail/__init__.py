"""Mail ingestion and sending that needs no store: parse, route, loop guard, compose, transport."""
