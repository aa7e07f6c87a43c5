import dataclasses
import hashlib
import hmac
import os
import subprocess
import sys
import time

import pytest

from geo.access import editors as editors_module
from geo.access.editors import (
    ENV_VAR, Editor, authenticate, configured_editors, hash_password, require_editor,
)
from geo.errors import EditorConfigError, GeoError, PermissionDenied
from geo.settings import ROOT
from testkit.curation import PASSWORD, TEST_ITERATIONS, editors


def test_hash_has_the_documented_shape_and_a_fresh_salt():
    a = hash_password("pw", iterations=TEST_ITERATIONS)
    b = hash_password("pw", iterations=TEST_ITERATIONS)
    scheme, iterations, salt, digest = a.split("$")
    assert (scheme, iterations) == ("pbkdf2_sha256", str(TEST_ITERATIONS))
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert a != b
    expected = hashlib.pbkdf2_hmac("sha256", b"pw", bytes.fromhex(salt), TEST_ITERATIONS).hex()
    assert digest == expected


def test_authenticate_accepts_the_right_password_and_the_editor_passes_require():
    editor = authenticate("wang", PASSWORD, editors=editors("wang"))
    assert editor.name == "wang"
    assert require_editor(editor) is editor


@pytest.mark.parametrize(("name", "password"), [("wang", "wrong"), ("li", PASSWORD), ("", ""), ("wang", "")])
def test_wrong_name_or_password_is_denied_without_saying_which(name, password):
    with pytest.raises(PermissionDenied, match="Wrong editor name or password"):
        authenticate(name, password, editors=editors("wang"))


def test_no_configured_editor_means_no_login():
    with pytest.raises(PermissionDenied, match="not enabled"):
        authenticate("wang", PASSWORD, editors={})
    assert issubclass(PermissionDenied, GeoError)


def test_editors_come_from_the_environment_and_secrets_and_the_environment_wins(monkeypatch):
    env_hash = hash_password("a", iterations=10)
    secret_hash = hash_password("b", iterations=10)
    other_hash = hash_password("c", iterations=10)
    monkeypatch.setenv(ENV_VAR, f"wang:{env_hash}, li:{other_hash}")
    got = configured_editors({"editors": {"wang": secret_hash, "zhao": secret_hash}})
    assert got == {"wang": env_hash, "li": other_hash, "zhao": secret_hash}
    # The page may also pass the [editors] section itself.
    monkeypatch.delenv(ENV_VAR)
    assert configured_editors({"zhao": secret_hash}) == {"zhao": secret_hash}
    assert configured_editors(None) == {}


@pytest.mark.parametrize("value", ["wang", "wang:plain-password", "wang:md5$1$00$00", "wang:pbkdf2_sha256$x$00$00",
                                   "wang:pbkdf2_sha256$10$zz$00", ":pbkdf2_sha256$10$00$00"])
def test_a_malformed_editor_entry_is_named(monkeypatch, value):
    monkeypatch.setenv(ENV_VAR, value)
    with pytest.raises(EditorConfigError, match="editor|Editor|PLANMAP_EDITORS"):
        configured_editors()


def test_nothing_but_an_authenticated_editor_passes_require():
    real = authenticate("wang", PASSWORD, editors=editors("wang"))
    forged_tag = hmac.new(os.urandom(32), f"wang\x00{real.issued_at!r}".encode(), hashlib.sha256).digest()
    fakes = [
        None, "wang", True, {"name": "wang"},
        Editor("wang", time.time()),                      # constructed by hand
        Editor("wang", real.issued_at, forged_tag),       # signed with another process's key
        dataclasses.replace(real, name="boss"),            # a real login, renamed
        dataclasses.replace(real, issued_at=time.time() + 3600),  # a real login, re-dated
    ]
    for fake in fakes:
        with pytest.raises(PermissionDenied):
            require_editor(fake)


def test_a_login_expires(monkeypatch):
    editor = authenticate("wang", PASSWORD, editors=editors("wang"))
    later = time.time() + editors_module.SESSION_SECONDS + 1
    monkeypatch.setattr(editors_module.time, "time", lambda: later)
    with pytest.raises(PermissionDenied, match="expired"):
        require_editor(editor)


def test_editor_hash_command_prints_a_line_that_logs_in(monkeypatch):
    result = subprocess.run(
        [sys.executable, "-m", "geo", "editor-hash", "anna"], input="s3cret\n", capture_output=True,
        text=True, cwd=ROOT, check=True,
    )
    line = result.stdout.strip()
    assert line.startswith("anna:pbkdf2_sha256$")
    monkeypatch.setenv(ENV_VAR, line)
    assert authenticate("anna", "s3cret", editors=configured_editors()).name == "anna"


def test_editor_hash_command_refuses_an_empty_password():
    result = subprocess.run(
        [sys.executable, "-m", "geo", "editor-hash", "anna"], input="\n", capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 1
    assert "must not be empty" in result.stderr
