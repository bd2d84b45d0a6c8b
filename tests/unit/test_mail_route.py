"""Routing new mail to a queue with the ordered rules of data/routing.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from logeas_tui.core.mail.parse import parse_message
from logeas_tui.core.mail.route import RouteDecision, Rule, load_rules, route
from tests.conftest import CORPUS

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "routing.toml"


@pytest.fixture(scope="module")
def rules() -> list[Rule]:
    return load_rules(SHIPPED)


def _mail(*headers: str, sender: str = "client@example.com", subject: str = "Bonjour") -> bytes:
    lines = [f"From: Client <{sender}>", f"Subject: {subject}", *headers, "", "body"]
    return "\r\n".join(lines).encode()


@pytest.mark.parametrize(
    ("headers", "queue"),
    [
        (["X-Spam-Flag: YES"], "Spam"),
        (["X-Spam-Status: Yes, score=15.7 required=5.0"], "Spam"),
        (["X-Virus-Status: Infected (Eicar-Test-Signature)"], "Virus"),
        (["X-Virus-Flag: yes"], "Virus"),
        (["X-Amavis-Alert: INFECTED, message contains virus: Eicar"], "Virus"),
        (["X-Spam-Flag: YES", "X-Virus-Status: Infected"], "Virus"),  # virus wins over spam
        (["List-Id: Annonces <annonces.example.com>"], "Mailing"),
        (["Precedence: bulk"], "Mailing"),
        (["Precedence: list"], "Mailing"),
        (["X-Logeas-Form: contact"], "LoGeAsSite"),
        (["X-LoGeAs-Debugger: 4.2.1"], "LoGeAs:Erreur"),
        (["X-Spam-Flag: NO", "X-Spam-Status: No, score=0.1"], "LoGeAs"),
        (["X-Virus-Status: Clean"], "LoGeAs"),
        (["Precedence: junk"], "LoGeAs"),  # not a list: only the loop guard cares
        ([], "LoGeAs"),
    ],
)
def test_shipped_rules_route_by_header(rules: list[Rule], headers: list[str], queue: str) -> None:
    decision = route(parse_message(_mail(*headers)), rules, "LoGeAs")
    assert decision.queue == queue and not decision.ignore
    assert (decision.rule is None) == (queue == "LoGeAs")


def test_web_form_sender_and_debugger_subject(rules: list[Rule]) -> None:
    form = parse_message(_mail("Precedence: bulk", sender="Site@LoGeAs.fr"))
    assert route(form, rules, "LoGeAs") == RouteDecision("LoGeAsSite", False, "web form: sender")
    not_form = parse_message(_mail(sender="site@logeas.fr.example.com"))
    assert route(not_form, rules, "LoGeAs").queue == "LoGeAs"
    report = parse_message(_mail(subject="[LoGeAs Debug] Erreur 42 dans Saisie"))
    assert route(report, rules, "LoGeAs").queue == "LoGeAs:Erreur"
    reply = parse_message(_mail(subject="Re: [LoGeAs Debug] Erreur 42"))
    assert route(reply, rules, "LoGeAs").queue == "LoGeAs"
    # what the debugger really writes (and every such report of the demo looks like)
    debugger = parse_message(_mail(subject="[LoGeAs Debugger] Violation d'accès dans Saisie"))
    assert route(debugger, rules, "LoGeAs").queue == "LoGeAs:Erreur"


def test_shipped_rules_on_a_real_spam(rules: list[Rule]) -> None:
    path = CORPUS / "zammad/mail071.box"
    if not path.is_file():
        pytest.skip("no mail corpus (set LOGEAS_MAIL_CORPUS)")
    assert route(parse_message(path.read_bytes()), rules, "LoGeAs").queue == "Spam"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "routing.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_first_matching_rule_wins_and_ignore_drops(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
[[rule]]
name = "heartbeat"
header = "subject"
match = '^\\[heartbeat\\]'
action = "ignore"

[[rule]]
name = "any subject"
header = "Subject"
match = ''
queue = "Secrétariat"
""",
    )
    rules = load_rules(path)
    heartbeat = parse_message(_mail(subject="[heartbeat] ok"))
    assert route(heartbeat, rules, "LoGeAs") == RouteDecision(None, True, "heartbeat")
    other = parse_message(_mail(subject="Facture"))
    assert route(other, rules, "LoGeAs") == RouteDecision("Secrétariat", False, "any subject")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '[[rule]]\nname = "a"\nheader = "X"\nmatch = "("\nqueue = "Q"\n',
            "rule 1 (a): bad regular",
        ),
        (
            '[[rule]]\nname = "a"\nmatch = "x"\nqueue = "Q"\n',
            "rule 1 (a): missing or non-text key `header`",
        ),
        ('[[rule]]\nname = "a"\nheader = "X"\nmatch = "x"\n', "rule 1 (a): give either"),
        (
            '[[rule]]\nname = "a"\nheader = "X"\nmatch = "x"\nqueue = "Q"\naction = "ignore"\n',
            "give either",
        ),
        (
            '[[rule]]\nname = "a"\nheader = "X"\nmatch = "x"\naction = "drop"\n',
            "unknown action 'drop'",
        ),
        ('[[rule]]\nname = "a"\nheader = "X"\nmatch = "x"\nqueu = "Q"\n', "unknown key(s): queu"),
        ('[[rule]]\nname = "a"\nheader = "X-Spam: yes"\nmatch = "x"\nqueue = "Q"\n', "has no ':'"),
        (
            '[[rule]]\nname="ok"\nheader="X"\nmatch="x"\nqueue="Q"\n[[rule]]\nheader="X"\n',
            "rule 2:",
        ),
        ("rule = 3\n", "must be a list"),
        ("[[rule]\n", "cannot read routing rules"),
    ],
)
def test_a_bad_rule_is_named_with_the_file_and_what_is_wrong(
    tmp_path: Path, body: str, message: str
) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(ValueError) as caught:
        load_rules(path)
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read routing rules"):
        load_rules(tmp_path / "nope.toml")
