"""One function per procedure action. Each runs in one write transaction, records history,
checks the ticket's version, and raises a HelpdeskError with a sentence when the procedure
forbids it. The keys, the command line and the mail worker all call these. Mail is a service
too: `inbound` stores received mail as tickets, `outbox` sends what the others queued, and
`mail_sync` is one round of the mail worker (core.mail holds only the protocol)."""
