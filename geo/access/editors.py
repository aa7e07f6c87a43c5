"""Who may change the map: editor logins configured by the deployment, never the repository.

The deployment lists editors either in the environment variable
`PLANMAP_EDITORS` (`name:HASH[,name:HASH...]`) or in the Streamlit secrets
section `[editors]` (`name = "HASH"`). HASH is
`pbkdf2_sha256$ITERATIONS$SALT_HEX$HASH_HEX`, printed by
`python -m geo editor-hash NAME`. No password or hash lives in the repository.

`authenticate` is the only way to get an `Editor` that the curation store
accepts: the object carries an HMAC of its name and issue time under a key
drawn at random when this process starts, so a constructed, copied-and-edited
or unpickled-from-elsewhere `Editor` fails `require_editor`, and so does a flag,
a string or None. Every writing function of `geo.curation` calls
`require_editor` first.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from geo.errors import EditorConfigError, PermissionDenied

#: Environment variable holding `name:HASH[,name:HASH...]`.
ENV_VAR = "PLANMAP_EDITORS"
#: Streamlit secrets section holding `name = "HASH"` lines.
SECRETS_SECTION = "editors"
#: PBKDF2-SHA256 work factor for new hashes (OWASP's 2023 recommendation).
DEFAULT_ITERATIONS = 600_000
#: How long a login stays valid; an editor left logged in on a shared screen
#: stops being one after a working day.
SESSION_SECONDS = 12 * 3600
_SCHEME = "pbkdf2_sha256"
#: Drawn once per process: an Editor made in another process (or by hand) never verifies here.
_PROCESS_KEY = secrets.token_bytes(32)


@dataclass(frozen=True)
class Editor:
    """An authenticated editor: `name` and `issued_at` (seconds since the epoch, UTC).

    Only `authenticate` makes one that `require_editor` accepts.
    """

    name: str
    issued_at: float
    _tag: bytes = field(default=b"", repr=False, compare=False)


def hash_password(password: str, *, iterations: int = DEFAULT_ITERATIONS, salt: bytes | None = None) -> str:
    """The `pbkdf2_sha256$ITERATIONS$SALT_HEX$HASH_HEX` string for a password."""
    if not password:
        raise EditorConfigError("An editor password must not be empty")
    if iterations < 1:
        raise EditorConfigError(f"iterations must be positive, not {iterations}")
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"{_SCHEME}${iterations}${salt.hex()}${digest.hex()}"


def configured_editors(secrets: Mapping | None = None) -> dict[str, str]:
    """Editors the deployment configured: name → HASH.

    Parameters
    ----------
    secrets
        Streamlit's `st.secrets` (its `[editors]` section is used) or that
        section itself; None when the page has no secrets. Entries from the
        environment variable `PLANMAP_EDITORS` are merged in and win on a
        shared name.

    Raises `EditorConfigError` naming the malformed entry.
    """
    editors: dict[str, str] = {}
    section = _secrets_section(secrets)
    for name, value in section.items():
        editors[_checked_name(str(name), "secrets [editors]")] = _checked_hash(str(name), str(value))
    for item in os.environ.get(ENV_VAR, "").split(","):
        item = item.strip()
        if not item:
            continue
        name, sep, value = item.partition(":")
        if not sep:
            raise EditorConfigError(f"{ENV_VAR} entry {name!r} is not name:HASH")
        editors[_checked_name(name.strip(), ENV_VAR)] = _checked_hash(name.strip(), value.strip())
    return editors


def authenticate(name: str, password: str, *, editors: Mapping[str, str],
                 client: str = "", throttle: LoginThrottle | None = None) -> Editor:
    """Check a login against the configured editors; the `Editor` it returns may write.

    Raises `PermissionDenied` when no editor is configured or the name or
    password is wrong (the message does not say which, so names cannot be probed),
    or when `throttle` says this name or `client` failed too often lately (then
    no hash is computed at all, so repeated tries cannot stall the server).

    Every check costs the work of the slowest configured hash, whether the name
    exists or not and whatever its own iteration count, so timing reveals no name.
    """
    if not editors:
        raise PermissionDenied(
            "Editing is not enabled: the deployment configures no editor "
            f"({ENV_VAR} or Streamlit secrets [{SECRETS_SECTION}])"
        )
    name = (name or "").strip()
    if throttle is not None:
        wait = throttle.wait_s(name, client)
        if wait > 0:
            throttle.refused(client)
            raise PermissionDenied(f"Too many failed logins; try again in {math.ceil(wait)} s")
    stored = editors.get(name)
    most = max(int(h.split("$")[1]) for h in editors.values())
    if stored is None:
        _verify(password or "", _dummy_hash(most))
        ok = False
    else:
        ok = _verify(password or "", stored)
        spent = int(stored.split("$")[1])
        if spent < most:  # pad up to the slowest hash
            hashlib.pbkdf2_hmac("sha256", b"", b"planmap-padding", most - spent)
    if not ok:
        if throttle is not None:
            throttle.failed(name, client)
        raise PermissionDenied("Wrong editor name or password")
    if throttle is not None:
        throttle.succeeded(name, client)
    issued = time.time()
    return Editor(name=name, issued_at=issued, _tag=_sign(name, issued))


class LoginThrottle:
    """Failed logins per editor name and per client, slowing and then refusing more tries.

    After `free` failures a key must wait 2, 4, 8, … s between tries. A name's
    wait is capped at `name_cap_s` (one minute), so an attacker guessing a
    real editor's password can keep that editor out for a minute at most; a
    client's wait grows to `client_cap_s` (a quarter of an hour). Failures are
    forgotten after `forget_s` without one; a success clears the name and the
    client. Thread-safe (Streamlit runs sessions in threads of one process).
    """

    def __init__(self, *, free: int = 5, name_cap_s: float = 60.0, client_cap_s: float = 900.0,
                 forget_s: float = 900.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.free, self.name_cap_s, self.client_cap_s, self.forget_s = free, name_cap_s, client_cap_s, forget_s
        self.clock = clock
        self._failures: dict[tuple[str, str], tuple[int, float]] = {}
        self._lock = threading.Lock()

    def wait_s(self, name: str, client: str = "") -> float:
        """Seconds before `name` from `client` may try again (0: now)."""
        now = self.clock()
        with self._lock:
            return max(self._wait(("name", name), now, self.name_cap_s),
                       self._wait(("client", client), now, self.client_cap_s) if client else 0.0)

    def failed(self, name: str, client: str = "") -> None:
        now = self.clock()
        with self._lock:
            for key in (("name", name), ("client", client)) if client else (("name", name),):
                count, last = self._failures.get(key, (0, now))
                if now - last > self.forget_s:
                    count = 0
                self._failures[key] = (count + 1, now)
            if len(self._failures) > 10_000:  # many made-up names: keep memory bounded
                oldest = sorted(self._failures, key=lambda k: self._failures[k][1])[:5_000]
                for key in oldest:
                    del self._failures[key]

    def refused(self, client: str) -> None:
        """A try made while still waiting: counts against the client (not the name), so it waits longer."""
        if not client:
            return
        now = self.clock()
        with self._lock:
            count, _last = self._failures.get(("client", client), (0, now))
            self._failures[("client", client)] = (count + 1, now)

    def succeeded(self, name: str, client: str = "") -> None:
        with self._lock:
            self._failures.pop(("name", name), None)
            self._failures.pop(("client", client), None)

    def _wait(self, key: tuple[str, str], now: float, cap: float) -> float:
        count, last = self._failures.get(key, (0, now))
        if count < self.free or now - last > self.forget_s:
            return 0.0
        return max(0.0, last + min(cap, 2.0 ** (count - self.free + 1)) - now)


def require_editor(obj: object) -> Editor:
    """`obj` if it is an `Editor` made by `authenticate` in this process and still valid.

    Raises `PermissionDenied` for anything else: None, a string, a flag, an
    `Editor` constructed by hand or altered, or one older than `SESSION_SECONDS`.
    """
    if not isinstance(obj, Editor):
        raise PermissionDenied("Only a logged-in editor may change the map; log in on the curation page")
    expected = _sign(obj.name, obj.issued_at)
    if not isinstance(obj._tag, bytes) or not hmac.compare_digest(obj._tag, expected):
        raise PermissionDenied("This editor login was not issued by this server; log in again")
    if time.time() - obj.issued_at > SESSION_SECONDS:
        raise PermissionDenied(f"The login of {obj.name!r} has expired; log in again")
    return obj


def _sign(name: str, issued_at: float) -> bytes:
    message = f"{name}\x00{issued_at!r}".encode()
    return hmac.new(_PROCESS_KEY, message, hashlib.sha256).digest()


@lru_cache(maxsize=8)
def _dummy_hash(iterations: int) -> str:
    """A hash nobody's password matches, checked when the name is unknown."""
    return hash_password(secrets.token_urlsafe(16), iterations=iterations)


def _verify(password: str, stored: str) -> bool:
    _, iterations, salt_hex, hash_hex = stored.split("$")
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(iterations))
    return hmac.compare_digest(digest.hex(), hash_hex.lower())


def _secrets_section(secrets: Mapping | None) -> Mapping:
    if secrets is None:
        return {}
    section = secrets.get(SECRETS_SECTION) if SECRETS_SECTION in secrets else secrets
    if not isinstance(section, Mapping):
        raise EditorConfigError(f"Streamlit secrets [{SECRETS_SECTION}] must be a table of name = \"HASH\"")
    return section


def _checked_name(name: str, where: str) -> str:
    if not name or any(c in name for c in ",:\n") or name != name.strip():
        raise EditorConfigError(f"{where}: editor name {name!r} is empty or contains , : or spaces at its ends")
    return name


def _checked_hash(name: str, value: str) -> str:
    parts = value.split("$")
    ok = len(parts) == 4 and parts[0] == _SCHEME and parts[1].isdigit() and int(parts[1]) > 0
    if ok:
        try:
            bytes.fromhex(parts[2])
            bytes.fromhex(parts[3])
        except ValueError:
            ok = False
    if not ok or not parts[3]:
        raise EditorConfigError(
            f"Editor {name!r}: hash is not {_SCHEME}$ITERATIONS$SALT_HEX$HASH_HEX; "
            "make one with `python -m geo editor-hash NAME`"
        )
    return value
