"""Ticket numbers: OTRS "DateChecksum" (YYYYMMDD + system id + 5-digit daily counter + check
digit), their validation, the `[Ticket#N]` subject hook and the store's daily counter."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from logeas_tui.core import numbers
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store.counters import next_number
from logeas_tui.core.store.tx import writing

# Numbers produced by real OTRS installations (seen in the subjects of public mail and code
# comments), plus the example in the header of OTRS's own DateChecksum.pm.
OTRS_NUMBERS = [
    "2002062310100011",  # DateChecksum.pm: "e. g. 2002062310100011"
    "2010072610000044",
    "2012101110000044",
    "2015060810000642",
    "2015052888012592",
    "2017032410000033",
    "2017100387000406",
    "2019010948000063",
    "2019051422003403",
    "2019111131000099",
]

NUMBER = "2026112410000019"  # 2026-11-24, system 10, counter 1


def weighted_sum(body: str) -> int:
    """The sum the check digit comes from, written out: weights 1, 2, 1, 2… from the left."""
    weights = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]
    return sum(int(d) * w for d, w in zip(body, weights, strict=True))


@pytest.mark.parametrize("number", OTRS_NUMBERS)
def test_numbers_issued_by_otrs_are_valid(number: str) -> None:
    assert numbers.is_valid(number)
    assert numbers.check_digit(number[:-1]) == int(number[-1])


def test_check_digit_by_hand_for_the_otrs_example() -> None:
    # 2 0 0 2 0 6 2 3 1 0 1 0 0 0 1 weighted 1 2 1 2 …: 2+0+0+4+0+12+2+6+1+0+1+0+0+0+1 = 29
    assert weighted_sum("200206231010001") == 29
    # 10 - (29 mod 10) = 1
    assert numbers.check_digit("200206231010001") == 1


def test_check_digit_by_hand_for_counter_one() -> None:
    # 2 0 2 6 1 1 2 4 1 0 0 0 0 0 1: 2+0+2+12+1+2+2+8+1+0+0+0+0+0+1 = 31 → 10 - 1 = 9
    assert weighted_sum("202611241000001") == 31
    assert numbers.make_number(date(2026, 11, 24), "10", 1) == "2026112410000019"


def test_a_sum_ending_in_zero_gives_check_digit_one() -> None:
    # counter 18: 2+0+2+12+1+2+2+8+1+0+0+0+0+2+8 = 40 → 10 - 0 = 10, written 1
    assert weighted_sum("202611241000018") == 40
    assert numbers.make_number(date(2026, 11, 24), "10", 18) == "2026112410000181"


def test_make_number_layout() -> None:
    number = numbers.make_number(date(2027, 1, 5), "42", 12345)
    assert number[:8] == "20270105"
    assert number[8:10] == "42"
    assert number[10:15] == "12345"
    assert len(number) == 16
    assert numbers.is_valid(number)


@pytest.mark.parametrize(
    ("system_id", "counter"), [("1", 1), ("100", 1), ("ab", 1), ("10", 0), ("10", 100_000)]
)
def test_make_number_refuses_what_cannot_fit(system_id: str, counter: int) -> None:
    with pytest.raises(ValueError):
        numbers.make_number(date(2026, 11, 24), system_id, counter)


def test_highest_daily_counter_still_fits() -> None:
    assert numbers.make_number(date(2026, 11, 24), "10", 99_999)[10:15] == "99999"


def test_a_changed_digit_is_rejected() -> None:
    """Every single-digit typo is caught, except ±5 on a digit weighted 2 (2 × 5 = 10): the
    blind spot of OTRS's 1-2 weighting, kept so numbers stay compatible."""
    number = "2017032410000033"
    missed = []
    for pos in range(16):
        for digit in "0123456789":
            if digit == number[pos]:
                continue
            typo = number[:pos] + digit + number[pos + 1 :]
            if numbers.is_valid(typo):
                missed.append((pos, number[pos], digit))
    assert all(pos % 2 == 1 and abs(int(a) - int(b)) == 5 for pos, a, b in missed), missed
    # the check digit itself and every digit weighted 1 are always caught
    assert not any(pos % 2 == 0 or pos == 15 for pos, _, _ in missed)


@pytest.mark.parametrize(
    "number", ["2017032410000033", "2019051422003403", "2015060810000642", NUMBER]
)
def test_transposed_digits_are_rejected(number: str) -> None:
    """Swaps within the first 15 digits are caught (check digit other than 1). Swapping the
    last counter digit with the check digit is OTRS's other blind spot: with weight 1 on both,
    the relation is symmetric, so that swap always gives another valid number."""
    for pos in range(14):
        a, b = number[pos], number[pos + 1]
        if a == b:
            continue
        swapped = number[:pos] + b + a + number[pos + 2 :]
        assert not numbers.is_valid(swapped), f"{swapped} (swap at {pos}) passed"


@pytest.mark.parametrize(
    "text",
    [
        "202611241000001",
        "20261124100000190",
        "",
        "2026112410000O19",
        "2026 1124 1000 0019",
        "-202611241000001",
    ],
)
def test_wrong_shapes_are_rejected(text: str) -> None:
    assert not numbers.is_valid(text)


def test_surrounding_spaces_are_tolerated() -> None:
    assert numbers.is_valid(f"  {NUMBER}\n")


def test_explain_invalid_says_what_to_fix() -> None:
    assert numbers.explain_invalid(NUMBER) is None
    assert "digits only" in (numbers.explain_invalid("2026-11-24") or "")
    assert "16 digits" in (numbers.explain_invalid("202611241000001") or "")
    assert "check digit" in (numbers.explain_invalid("2026112410000018") or "")


@pytest.mark.parametrize(
    "subject",
    [
        f"Ticket#{NUMBER}",
        f"Ticket#: {NUMBER}",
        f"Ticket#:{NUMBER}",
        f"RE: [Ticket#{NUMBER}] Imprimante en panne",
        f"Re: Fwd: [ticket#{NUMBER}] lowercase hook",
        f"AW: Ihre Anfrage (Ticket#: {NUMBER})",
    ],
)
def test_find_numbers_in_subject_forms(subject: str) -> None:
    assert numbers.find_numbers(subject) == [NUMBER]


def test_find_numbers_ignores_a_wrong_check_digit() -> None:
    assert numbers.find_numbers("RE: [Ticket#2026112410000018] Imprimante") == []


def test_find_numbers_ignores_numbers_without_the_hook() -> None:
    assert numbers.find_numbers(f"Facture {NUMBER} impayée") == []
    assert numbers.find_numbers("") == []


def test_find_numbers_ignores_a_longer_run_of_digits() -> None:
    assert numbers.find_numbers(f"[Ticket#{NUMBER}7]") == []


def test_find_numbers_keeps_order() -> None:
    other = "2017032410000033"
    subject = f"[Ticket#{other}] et [Ticket#{NUMBER}]"
    assert numbers.find_numbers(subject) == [other, NUMBER]


def test_subject_hook() -> None:
    assert numbers.subject_hook(NUMBER) == f"[Ticket#{NUMBER}]"


def test_with_hook_adds_the_hook_in_front() -> None:
    assert numbers.with_hook("Imprimante", NUMBER) == f"[Ticket#{NUMBER}] Imprimante"
    assert numbers.with_hook("", NUMBER) == f"[Ticket#{NUMBER}]"


@pytest.mark.parametrize(
    "subject",
    [
        f"RE: [Ticket#{NUMBER}] Imprimante",
        f"Ticket#: {NUMBER} Imprimante",
        f"Imprimante (Ticket#:{NUMBER})",
    ],
)
def test_with_hook_does_not_double_the_hook(subject: str) -> None:
    assert numbers.with_hook(subject, NUMBER) == subject


def test_with_hook_adds_ours_beside_another_tickets_number() -> None:
    other = "2017032410000033"
    subject = f"RE: [Ticket#{other}] Imprimante"
    assert numbers.with_hook(subject, NUMBER) == f"[Ticket#{NUMBER}] {subject}"


def _take(day: date, system_id: str = "10") -> str:
    with writing():
        return next_number(day, system_id)


def test_store_counter_counts_up_and_restarts_each_day(desk: Desk) -> None:
    monday, tuesday = date(2026, 11, 23), date(2026, 11, 24)
    first = [_take(monday) for _ in range(3)]
    assert [n[10:15] for n in first] == ["00001", "00002", "00003"]
    assert all(n.startswith("2026112310") for n in first)
    next_day = _take(tuesday)
    assert next_day.startswith("2026112410") and next_day[10:15] == "00001"
    # going back to Monday (clock set back) continues Monday's count, never repeats it
    again = _take(monday)
    assert again[10:15] == "00004"
    everything = [*first, next_day, again]
    assert len(set(everything)) == len(everything)
    assert all(numbers.is_valid(n) for n in everything)


def test_store_counter_uses_the_system_id(desk: Desk) -> None:
    assert _take(date(2026, 11, 24), "42")[8:10] == "42"


def test_store_counter_rolls_back_with_its_transaction(desk: Desk) -> None:
    day = date(2026, 11, 24)
    with pytest.raises(RuntimeError), writing():
        next_number(day, "10")
        raise RuntimeError("the ticket insert failed")
    assert _take(day)[10:15] == "00001"


def test_two_processes_never_get_the_same_number(desk: Desk, db_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        from datetime import date
        from logeas_tui.core.store.connection import open_store
        from logeas_tui.core.store.counters import next_number
        from logeas_tui.core.store.tx import writing
        open_store({str(db_path)!r})
        for _ in range(150):
            with writing():
                print(next_number(date(2026, 11, 24), "10"), flush=True)
        """
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120)[0].split() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    got = outputs[0] + outputs[1]
    assert len(got) == 300
    assert len(set(got)) == 300
    assert all(numbers.is_valid(n) for n in got)
    assert sorted(n[10:15] for n in got) == [f"{i:05d}" for i in range(1, 301)]
