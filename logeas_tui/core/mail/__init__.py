"""The mail protocol, with no store and no services: parse, decode, headers, routing rules,
loop-guard rules, compose, the IMAP adapter and the SMTP transport. What a mail does to the
helpdesk (tickets, the outbox, the worker round) is in core.services: inbound, outbox and
mail_sync."""
