"""This PC's own configuration: what it is (its mode) and which database it opens.

Written by the set-up wizard (or ``loket setup --mode``) into ``loket.ini`` in the
user's configuration directory (``$LOKET_CONFIG`` overrides the path), read by every
start of ``loket``. An INI file, so an IT officer can read it::

    [pc]
    mode = counter
    counter = 3

    [database]
    kind = postgresql
    host = 192.168.10.5
    port = 5432
    name = loket
    user = loket
    password_store = keyring

The database password goes to the system's credential store (Windows
Credential Manager, macOS Keychain, the Secret Service on a Linux desktop)
through :mod:`keyring`. Where there is none, it is written into the file,
which is then readable by this user only (0600 on POSIX; the user's own
profile folder on Windows), and the wizard says so.

The ``[pc]`` section also holds this PC's own settings (its counter, language,
printer, paper width, English calls: :mod:`app.setup.pc_settings`); a file with only
those is not a set-up (:func:`exists`). Every write replaces the whole file at once
and keeps what the other writer put there.
"""

from __future__ import annotations

import configparser
import logging
import os
import stat
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

import platformdirs

from app.errors import InvalidInput
from app.private_files import private_folder
from app.storage.db import APP_NAME, default_database_url

log = logging.getLogger(__name__)

MODES = ("counter", "display", "kiosk", "admin")
KINDS = ("sqlite", "postgresql", "mysql")
DEFAULT_PORTS = {"postgresql": 5432, "mysql": 3306}
KEYRING_SERVICE = "loket"
STORE_KEYRING, STORE_FILE, STORE_NONE = "keyring", "file", "none"
# The section with the PC's mode and its own settings (app.setup.pc_settings).
PC_SECTION = "pc"


def config_path() -> Path:
    """``$LOKET_CONFIG``, else ``loket.ini`` in the user's configuration directory."""
    override = os.environ.get("LOKET_CONFIG")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "loket.ini"


def default_sqlite_path() -> str:
    return default_database_url()[len("sqlite:///"):]


@dataclass(frozen=True)
class DatabaseChoice:
    """One database as the wizard asks for it; :meth:`url` makes the peewee URL."""

    kind: str = "sqlite"
    path: str = ""
    host: str = ""
    port: int = 0
    name: str = ""
    user: str = ""
    password: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise InvalidInput("pc_config_invalid", reason=f"kind = {self.kind}")

    @property
    def is_server(self) -> bool:
        return self.kind != "sqlite"

    def effective_port(self) -> int:
        return self.port or DEFAULT_PORTS.get(self.kind, 0)

    def url(self) -> str:
        if not self.is_server:
            return f"sqlite:///{self.path or default_sqlite_path()}"
        user = quote(self.user, safe="")
        password = f":{quote(self.password, safe='')}" if self.password else ""
        host = self.host.strip()
        if "," in host:  # a primary and its standby: "db1:5432,db2:5432" as libpq lists them
            where = host if ":" in host.split(",")[-1] else f"{host}:{self.effective_port()}"
        else:
            if ":" in host and not host.startswith("["):  # an IPv6 address
                host = f"[{host}]"
            where = f"{host}:{self.effective_port()}"
        return f"{self.kind}://{user}{password}@{where}/{quote(self.name, safe='')}"

    def describe(self) -> str:
        """Where the data lives, without the password (for summaries and logs)."""
        if not self.is_server:
            return self.path or default_sqlite_path()
        label = {"postgresql": "PostgreSQL", "mysql": "MariaDB"}[self.kind]
        return f"{label} {self.user}@{self.host}:{self.effective_port()}/{self.name}"

    def keyring_account(self) -> str:
        return f"{self.user}@{self.host}:{self.effective_port()}/{self.name} ({self.kind})"


def choice_from_url(url: str) -> DatabaseChoice:
    """The :class:`DatabaseChoice` a database URL names (``--db`` of ``loket setup``)."""
    parsed = urlparse(url)
    kind = {"postgres": "postgresql"}.get(parsed.scheme.split("+")[0],
                                          parsed.scheme.split("+")[0])
    if kind == "sqlite":
        path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else ""
        if not path or path == ":memory:":
            raise InvalidInput("database_url_invalid", url=url)
        return DatabaseChoice(kind="sqlite", path=path)
    if kind not in KINDS:
        raise InvalidInput("database_url_invalid", url=url.split("@")[-1])
    hosts = parsed.netloc.rpartition("@")[2]
    if "," in hosts:  # several servers: kept as libpq's list, with their ports
        return DatabaseChoice(kind=kind, host=hosts, name=unquote(parsed.path.lstrip("/")),
                              user=unquote(parsed.username or ""),
                              password=unquote(parsed.password or ""))
    try:
        port = parsed.port or 0
    except ValueError:
        raise InvalidInput("database_url_invalid", url=url.split("@")[-1]) from None
    return DatabaseChoice(kind=kind, host=parsed.hostname or "", port=port,
                          name=unquote(parsed.path.lstrip("/")),
                          user=unquote(parsed.username or ""),
                          password=unquote(parsed.password or ""))


@dataclass(frozen=True)
class PcConfig:
    mode: str
    database: DatabaseChoice
    password_store: str = STORE_NONE  # where the password was found or put

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise InvalidInput("pc_config_invalid", reason=f"mode = {self.mode}")


# --- the keyring ------------------------------------------------------------------


def _keyring():  # type: ignore[no-untyped-def]
    """The keyring module, or None where it cannot be imported."""
    try:
        import keyring
    except Exception as exc:  # a broken installation must not stop the program
        log.warning("keyring not usable: %s", exc)
        return None
    return keyring


def keyring_available() -> bool:
    """Whether this PC offers a credential store (the fail backend has priority 0)."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        return float(keyring.get_keyring().priority) > 0
    except Exception as exc:
        log.warning("no keyring: %s", exc)
        return False


def _store_password(choice: DatabaseChoice) -> bool:
    """Put the password into the keyring; False when there is no usable keyring."""
    keyring = _keyring()
    if keyring is None or not keyring_available():
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, choice.keyring_account(), choice.password)
    except Exception as exc:
        log.warning("could not store the password in the keyring: %s", exc)
        return False
    return True


def _keyring_password(choice: DatabaseChoice) -> str | None:
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, choice.keyring_account())
    except Exception as exc:
        log.warning("could not read the password from the keyring: %s", exc)
        return None
    return None if value is None else str(value)


def _forget_password(choice: DatabaseChoice) -> None:
    keyring = _keyring()
    if keyring is None:
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, choice.keyring_account())
    except Exception as exc:  # nothing stored, or no keyring: nothing to forget
        log.debug("no password to forget: %s", exc)


# --- reading and writing ----------------------------------------------------------


def _read(path: Path) -> configparser.ConfigParser | None:
    """The file as an INI parser; None when there is none. A file that cannot be read,
    or is no INI file, is refused in plain words rather than silently replaced."""
    if not path.is_file():
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with path.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        raise InvalidInput("pc_config_invalid_file", path=str(path),
                           reason=str(exc).splitlines()[0]) from None
    return parser


def _is_set_up(parser: configparser.ConfigParser) -> bool:
    """The file says what the PC is, or which database it opens (not only ``loket pc``
    settings, which a PC may get before its set-up)."""
    return parser.has_option(PC_SECTION, "mode") or parser.has_section("database")


def _write(path: Path, parser: configparser.ConfigParser) -> None:
    """Write the whole file at once: a new file renamed over the old, never half a one."""
    # Loket's own configuration folder is made private; a folder named by
    # $LOKET_CONFIG (say /tmp) keeps its mode, only folders made here are private.
    default = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    private_folder(path.parent, own=path.parent == default)
    fd, tmp = tempfile.mkstemp(prefix=".loket-", suffix=".ini", dir=path.parent)
    try:
        os.chmod(tmp, stat.S_IRUSR | stat.S_IWUSR)  # mkstemp makes it 0600 already
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("# This PC's Loket configuration (loket setup and loket pc change "
                         "it).\n")
            parser.write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_section(path: Path, section: str) -> dict[str, str]:
    """One section's keys and values; empty when the file or the section is missing or
    the file cannot be read (what it holds then reads as "not set")."""
    try:
        parser = _read(path)
    except InvalidInput as exc:
        log.warning("%s", exc)
        return {}
    if parser is None or not parser.has_section(section):
        return {}
    return dict(parser[section])


def update_section(path: Path, section: str, values: dict[str, str | None]) -> None:
    """Set (or, with None, remove) keys of one section, keeping everything else in the
    file; the whole file is written anew. A file that cannot be read is not replaced."""
    parser = _read(path) or configparser.ConfigParser(interpolation=None)
    if not parser.has_section(section):
        parser.add_section(section)
    for key, value in values.items():
        if value is None:
            parser.remove_option(section, key)
        else:
            parser.set(section, key, value)
    _write(path, parser)


def exists(path: Path | None = None) -> bool:
    """Whether this PC was set up: ``loket.ini`` says its mode or database (a file that
    cannot be read counts: :func:`load` then says what is wrong with it)."""
    try:
        parser = _read(path or config_path())
    except InvalidInput:
        return True
    return parser is not None and _is_set_up(parser)


def load(path: Path | None = None, *, need_password: bool = True) -> PcConfig | None:
    """This PC's configuration; None when it was not set up yet (the wizard's cue).

    A file that cannot be read, or says something Loket does not understand,
    is refused in plain words rather than silently replaced. With
    ``need_password=False`` a password missing from the keyring reads as empty
    (to fill in the set-up again).
    """
    path = path or config_path()
    parser = _read(path)
    if parser is None or not _is_set_up(parser):
        return None
    try:
        mode = parser.get(PC_SECTION, "mode", fallback="counter").strip()
        section = parser["database"] if parser.has_section("database") else {}
        kind = str(section.get("kind", "sqlite")).strip()
        port_text = str(section.get("port", "") or "0").strip()
        choice = DatabaseChoice(
            kind=kind, path=str(section.get("path", "")).strip(),
            host=str(section.get("host", "")).strip(), port=int(port_text),
            name=str(section.get("name", "")).strip(), user=str(section.get("user", "")).strip())
        store = str(section.get("password_store", STORE_NONE)).strip()
        if store == STORE_FILE:
            choice = replace(choice, password=str(section.get("password", "")))
        elif store == STORE_KEYRING:
            password = _keyring_password(choice)
            if password is None and need_password:
                raise InvalidInput("pc_config_password_missing", account=choice.keyring_account())
            choice = replace(choice, password=password or "")
        return PcConfig(mode=mode, database=choice, password_store=store)
    except ValueError as exc:
        raise InvalidInput("pc_config_invalid_file", path=str(path),
                           reason=str(exc).splitlines()[0]) from None
    except InvalidInput as exc:
        if exc.code == "pc_config_invalid":
            raise InvalidInput("pc_config_invalid_file", path=str(path),
                               reason=str(exc.params.get("reason", ""))) from None
        raise


def save(config: PcConfig, path: Path | None = None, *, use_keyring: bool = True) -> PcConfig:
    """Write this PC's configuration at once (a whole new file, never half a one),
    keeping this PC's own settings in it (:mod:`app.setup.pc_settings`).

    Returns the configuration with ``password_store`` saying where the password went.
    """
    path = path or config_path()
    choice = config.database
    try:
        previous = load(path, need_password=False)
        parser = _read(path) or configparser.ConfigParser(interpolation=None)
    except InvalidInput:  # an unreadable file is replaced by the new one
        previous, parser = None, configparser.ConfigParser(interpolation=None)
    store = STORE_NONE
    if choice.is_server and choice.password:
        store = STORE_KEYRING if use_keyring and _store_password(choice) else STORE_FILE
    own = dict(parser[PC_SECTION]) if parser.has_section(PC_SECTION) else {}
    parser.remove_section(PC_SECTION)  # written anew, the mode first
    parser[PC_SECTION] = {"mode": config.mode, **{k: v for k, v in own.items() if k != "mode"}}
    section: dict[str, str] = {"kind": choice.kind}
    if choice.is_server:
        section.update(host=choice.host, port=str(choice.effective_port()), name=choice.name,
                       user=choice.user, password_store=store)
        if store == STORE_FILE:
            section["password"] = choice.password
    else:
        section["path"] = choice.path or default_sqlite_path()
    parser.remove_section("database")
    parser["database"] = section
    _write(path, parser)
    if store != STORE_KEYRING and choice.is_server:
        _forget_password(choice)  # an old copy must not outlive a change
    if (previous is not None and previous.password_store == STORE_KEYRING
            and previous.database.keyring_account() != choice.keyring_account()):
        _forget_password(previous.database)  # nor the password of a server no longer used
    return replace(config, password_store=store)


def configured_database_url(path: Path | None = None) -> str | None:
    """The database URL this PC was set up with, or None when it was not set up."""
    config = load(path)
    return config.database.url() if config else None


def explicit_database_url(cli_url: str | None = None) -> str | None:
    """The database given for this run only: ``--db``, else ``LOKET_DB``."""
    return cli_url or os.environ.get("LOKET_DB") or None


def resolve_database_url(cli_url: str | None = None) -> str:
    """``--db``, then ``LOKET_DB``, then this PC's configuration (``loket setup``),
    then the per-user SQLite default."""
    explicit = explicit_database_url(cli_url)
    if explicit:
        return explicit
    return configured_database_url() or default_database_url()
