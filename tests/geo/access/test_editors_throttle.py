"""Repeated failed logins are slowed and then refused, without locking a real editor out for long;
a login takes as long whether the name exists or not."""

from __future__ import annotations

import hashlib

import pytest

import geo.access.editors
from geo.access.editors import LoginThrottle, authenticate, hash_password
from geo.errors import PermissionDenied

PASSWORD = "correct horse"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def config():
    return {"wang": hash_password(PASSWORD, iterations=1000)}


def test_after_many_wrong_passwords_the_right_one_is_refused_until_the_wait_is_over(config):
    clock = Clock()
    throttle = LoginThrottle(clock=clock)
    for _ in range(90):
        clock.now += 0.5
        with pytest.raises(PermissionDenied):
            authenticate("wang", "guess", editors=config, client="10.0.0.9", throttle=throttle)
    with pytest.raises(PermissionDenied, match="Too many failed logins"):
        authenticate("wang", PASSWORD, editors=config, client="10.0.0.9", throttle=throttle)
    # The real editor, from another machine, waits at most a minute for the attacker's guesses ...
    clock.now += 61
    assert authenticate("wang", PASSWORD, editors=config, client="10.0.0.5", throttle=throttle).name == "wang"
    # ... while the guessing client itself stays refused much longer.
    assert throttle.wait_s("other", "10.0.0.9") > 60


def test_a_refused_try_costs_no_hash(config, monkeypatch):
    clock = Clock()
    throttle = LoginThrottle(clock=clock)
    for _ in range(8):
        with pytest.raises(PermissionDenied):
            authenticate("wang", "guess", editors=config, throttle=throttle)
    calls = []
    monkeypatch.setattr(geo.access.editors.hashlib, "pbkdf2_hmac", lambda *a: calls.append(a) or b"")
    with pytest.raises(PermissionDenied, match="Too many"):
        authenticate("wang", "guess", editors=config, throttle=throttle)
    assert calls == []


def test_a_few_mistakes_are_not_slowed_and_a_success_forgets_them(config):
    throttle = LoginThrottle(clock=Clock())
    for _ in range(4):
        with pytest.raises(PermissionDenied, match="Wrong"):
            authenticate("wang", "typo", editors=config, client="c", throttle=throttle)
    assert authenticate("wang", PASSWORD, editors=config, client="c", throttle=throttle)
    assert throttle.wait_s("wang", "c") == 0


def test_a_login_costs_the_same_work_whether_the_name_exists_and_whatever_its_hash(monkeypatch):
    config = {"wang": hash_password(PASSWORD, iterations=1000), "li": hash_password("x", iterations=50_000)}
    real = hashlib.pbkdf2_hmac
    spent: list[int] = []

    def counted(algorithm, password, salt, iterations, *rest):
        spent.append(iterations)
        return real(algorithm, password, salt, iterations, *rest)
    monkeypatch.setattr(geo.access.editors.hashlib, "pbkdf2_hmac", counted)
    work = {}
    for name in ("wang", "li", "nobody"):
        geo.access.editors._dummy_hash(50_000)  # made once per process, not per try
        spent.clear()
        with pytest.raises(PermissionDenied):
            authenticate(name, "wrong", editors=config)
        work[name] = sum(spent)
    assert work["wang"] == work["li"] == work["nobody"] == 50_000
