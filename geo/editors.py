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
import os
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

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


def authenticate(name: str, password: str, *, editors: Mapping[str, str]) -> Editor:
    """Check a login against the configured editors; the `Editor` it returns may write.

    Raises `PermissionDenied` when no editor is configured or the name or
    password is wrong (the message does not say which, so names cannot be probed).
    """
    if not editors:
        raise PermissionDenied(
            "Editing is not enabled: the deployment configures no editor "
            f"({ENV_VAR} or Streamlit secrets [{SECRETS_SECTION}])"
        )
    name = (name or "").strip()
    stored = editors.get(name)
    if stored is None:
        # Spend the same work as a real check, so a wrong name answers no faster.
        _verify(password or "", next(iter(editors.values())))
        raise PermissionDenied("Wrong editor name or password")
    if not _verify(password or "", stored):
        raise PermissionDenied("Wrong editor name or password")
    issued = time.time()
    return Editor(name=name, issued_at=issued, _tag=_sign(name, issued))


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
