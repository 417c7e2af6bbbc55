"""Private PostgreSQL clusters a test or a benchmark makes for itself, and always removes.

* :class:`PrivateServer`: one cluster (``initdb`` in a temp folder, a free port of
  127.0.0.1), which a test may freeze (SIGSTOP) to play a hung server;
* :class:`Formation`: pg_auto_failover's monitor and two nodes (a primary and its
  synchronous standby), as ``docs/server-setup.md`` sets up on two PCs, here on
  three ports of one machine, so a test can kill the primary and watch the standby
  take over.

Both listen on 127.0.0.1 only and run as the ``postgres`` account when the suite runs
as root (initdb refuses root). Their ``close()`` ends every process they started and
removes every file, also after a failure; it is safe to call twice. No pytest here:
``bench/failover.py`` uses them too.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import peewee
from playhouse.db_url import connect as url_connect


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pg_bindir() -> Path | None:
    """The folder of PostgreSQL's server programs (initdb, pg_ctl), if installed."""
    found = shutil.which("pg_config")
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True).stdout.strip()
        if out and (Path(out) / "initdb").exists():
            return Path(out)
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


def running_as_root() -> bool:
    return os.name == "posix" and os.geteuid() == 0


def as_postgres(argv: list[str]) -> list[str]:
    """initdb refuses to run as root: run the server as the postgres account then."""
    if running_as_root():
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


def private_folder(prefix: str) -> Path:
    root = Path(tempfile.mkdtemp(prefix=prefix))
    if running_as_root():
        shutil.chown(root, "postgres")
    return root


def wait_until(condition: Callable[[], bool], deadline_s: float, what: str,
               every_s: float = 0.5) -> None:
    """Poll ``condition`` until true; a generous deadline only stops a hung set-up."""
    end = time.monotonic() + deadline_s
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError(f"{what}: not within {deadline_s:.0f} s")
        time.sleep(every_s)


def _pids_of_tree(root_pid: int) -> list[int]:
    """``root_pid`` and every process below it (Linux /proc)."""
    found, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        found.append(pid)
        for task in glob.glob(f"/proc/{pid}/task/*/children"):
            with contextlib.suppress(OSError):
                todo.extend(int(child) for child in Path(task).read_text().split())
    return found


def _postmaster_pid(data: Path) -> int | None:
    with contextlib.suppress(OSError, ValueError, IndexError):
        return int((data / "postmaster.pid").read_text().splitlines()[0])
    return None


def _signal_quietly(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, sig)


def answers(url: str) -> bool:
    """True when a server at ``url`` accepts a connection and a query."""
    try:
        db = url_connect(url, connect_timeout=2)
        db.connect()
    except peewee.DatabaseError:
        return False
    try:
        db.execute_sql("SELECT 1")
        return True
    except peewee.DatabaseError:
        return False
    finally:
        with contextlib.suppress(peewee.DatabaseError, peewee.InterfaceError):
            db.close()


class PrivateServer:
    """One PostgreSQL cluster of its own (trust authentication, loopback only)."""

    def __init__(self) -> None:
        bindir = pg_bindir()
        if bindir is None:
            raise FileNotFoundError("PostgreSQL's initdb is not installed")
        self.bindir = bindir
        self.root = private_folder("loket-pg-")
        self.data = self.root / "data"
        self.port = free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self._frozen: list[int] = []
        try:
            subprocess.run(as_postgres([str(bindir / "initdb"), "-D", str(self.data),
                                        "-U", "postgres", "--auth=trust", "-E", "UTF8",
                                        "--no-sync"]),
                           check=True, capture_output=True, timeout=120)
            subprocess.run(as_postgres([
                str(bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
                "-w", "-t", "60", "-o",
                f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"]), check=True, capture_output=True, timeout=120)
        except (OSError, subprocess.SubprocessError):
            self.close()
            raise

    def freeze(self) -> None:
        """Stop every process of the server (SIGSTOP): it accepts TCP and never answers."""
        pid = _postmaster_pid(self.data)
        assert pid is not None
        self._frozen = _pids_of_tree(pid)
        for each in self._frozen:
            _signal_quietly(each, signal.SIGSTOP)

    def thaw(self) -> None:
        for each in self._frozen:
            _signal_quietly(each, signal.SIGCONT)
        self._frozen = []

    def close(self) -> None:
        self.thaw()
        if (self.data / "postmaster.pid").exists():
            subprocess.run(as_postgres([str(self.bindir / "pg_ctl"), "-D", str(self.data),
                                        "-m", "immediate", "stop"]),
                           capture_output=True, timeout=60)
        pid = _postmaster_pid(self.data)
        if pid is not None:  # pg_ctl could not stop it
            for each in _pids_of_tree(pid):
                _signal_quietly(each, signal.SIGKILL)
        shutil.rmtree(self.root, ignore_errors=True)


# --- pg_auto_failover ---------------------------------------------------------------------

PG_AUTOCTL = "pg_autoctl"

# The monitor's own defaults decide how soon a silent primary is given up:
# health checks every 5 s, a node unhealthy after 20 s. "Quick" is what an office may
# set on the monitor to fail over sooner (docs/server-setup.md, "Two servers").
QUICK_HEALTH_CHECKS = {
    "pgautofailover.health_check_period": 1000,
    "pgautofailover.health_check_timeout": 1000,
    "pgautofailover.health_check_max_retries": 1,
    "pgautofailover.health_check_retry_delay": 500,
    "pgautofailover.node_considered_unhealthy_timeout": 3000,
}
# "Fast" adds the second half of the wait: the monitor gives a silent primary
# primary_demote_timeout (30 s by default) to step down before it promotes the standby.
# A primary cut off but alive steps down by itself after its keeper's
# network_partition_timeout (20 s by default), which must stay below that, on every node.
FAST_DEMOTE = {"pgautofailover.primary_demote_timeout": 8000}
NETWORK_PARTITION_TIMEOUT_S = 5


def failover_tools_missing() -> str | None:
    """Why a formation cannot be made here, or None."""
    if shutil.which(PG_AUTOCTL) is None:
        return "pg_autoctl is not installed (Debian: pg-auto-failover-cli)"
    bindir = pg_bindir()
    if bindir is None:
        return "PostgreSQL's server programs are not installed"
    extension = glob.glob("/usr/share/postgresql/*/extension/pgautofailover.control")
    if not extension:
        return "the pgautofailover extension is not installed (postgresql-15-auto-failover)"
    return None


class Node:
    def __init__(self, name: str, pgdata: Path, port: int, process: subprocess.Popen[bytes],
                 log: IO[bytes]) -> None:
        self.name, self.pgdata, self.port, self.process, self.log = (
            name, pgdata, port, process, log)

    def kill(self) -> None:
        """The PC switched off: pg_autoctl and its PostgreSQL end at once (SIGKILL)."""
        postmaster = _postmaster_pid(self.pgdata)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        if postmaster is not None:
            for each in _pids_of_tree(postmaster):
                _signal_quietly(each, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=30)

    def stop(self) -> None:
        """End politely (pg_autoctl stops its PostgreSQL), else kill."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        postmaster = _postmaster_pid(self.pgdata)
        if postmaster is not None:
            for each in _pids_of_tree(postmaster):
                _signal_quietly(each, signal.SIGKILL)
        self.log.close()


class Formation:
    """A monitor and two PostgreSQL nodes kept by pg_auto_failover, on loopback ports.

    ``url`` is the multi-host URL every Loket PC would use. ``quick`` sets the
    monitor's health checks to fail over in a few seconds instead of its defaults;
    ``fast`` adds a shorter demote timeout on the monitor and a shorter network-partition
    timeout on both nodes (docs/server-setup.md, "Two servers").
    """

    DATABASE = "loket"

    def __init__(self, *, quick: bool = False, fast: bool = False,
                 deadline_s: float = 180) -> None:
        missing = failover_tools_missing()
        if missing:
            raise FileNotFoundError(missing)
        bindir = pg_bindir()
        assert bindir is not None
        self.root = private_folder("loket-failover-")
        self.deadline_s = deadline_s
        # pg_autoctl keeps its state under XDG folders: here, so nothing is left behind.
        self.env = {"PATH": f"{bindir}:{os.environ.get('PATH', '/usr/bin:/bin')}",
                    "XDG_CONFIG_HOME": str(self.root / "config"),
                    "XDG_DATA_HOME": str(self.root / "share"),
                    "XDG_RUNTIME_DIR": str(self.root / "run"),
                    "LANG": "C.UTF-8"}
        self.nodes: list[Node] = []
        self.monitor: Node | None = None
        try:
            self.monitor = self._start("monitor", [
                "create", "monitor", "--pgdata", str(self.root / "monitor"),
                "--pgport", "{port}", "--hostname", "127.0.0.1", "--listen", "127.0.0.1",
                "--auth", "trust", "--no-ssl", "--run"])
            self.monitor_url = (f"postgresql://postgres@127.0.0.1:{self.monitor.port}"
                                "/pg_auto_failover")
            wait_until(self._monitor_ready, deadline_s, "pg_auto_failover's monitor")
            if quick or fast:
                self._tune_monitor(QUICK_HEALTH_CHECKS)
            if fast:
                self._tune_monitor(FAST_DEMOTE)
            for number in (1, 2):
                self.nodes.append(self._start(f"node_{number}", [
                    "create", "postgres", "--pgdata", str(self.root / f"node_{number}"),
                    "--pgport", "{port}", "--hostname", "127.0.0.1",
                    "--listen", "127.0.0.1", "--name", f"node_{number}",
                    "--auth", "trust", "--no-ssl", "--dbname", self.DATABASE,
                    "--monitor", f"postgres://autoctl_node@127.0.0.1:{self.monitor.port}"
                                 "/pg_auto_failover",
                    "--run"]))
                wanted = ({"single"} if number == 1 else {"primary", "secondary"})
                wait_until(lambda wanted=wanted: self._states_are(wanted), deadline_s,
                           f"node_{number} joining the formation")
            if fast:
                for node in self.nodes:
                    self._autoctl(["config", "set", "--pgdata", str(node.pgdata),
                                   "timeout.network_partition_timeout",
                                   str(NETWORK_PARTITION_TIMEOUT_S)])
                    self._autoctl(["reload", "--pgdata", str(node.pgdata)])
        except BaseException:
            self.close()
            raise
        hosts = ",".join(f"127.0.0.1:{node.port}" for node in self.nodes)
        self.url = (f"postgresql://postgres@{hosts}/{self.DATABASE}"
                    "?target_session_attrs=read-write")

    def _start(self, name: str, args: list[str]) -> Node:
        port = free_port()
        log = (self.root / f"{name}.log").open("wb")
        argv = as_postgres(["env", *(f"{k}={v}" for k, v in self.env.items()), PG_AUTOCTL,
                            *(a.replace("{port}", str(port)) for a in args)])
        # A session of its own: the node's every process can be ended as one group.
        process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True,
                                   cwd=self.root)
        return Node(name, self.root / ("monitor" if name == "monitor" else name), port,
                    process, log)

    def _autoctl(self, args: list[str]) -> None:
        """One pg_autoctl command on a running node, as its account, with its folders."""
        argv = as_postgres(["env", *(f"{k}={v}" for k, v in self.env.items()), PG_AUTOCTL,
                            *args])
        subprocess.run(argv, check=True, capture_output=True, stdin=subprocess.DEVNULL,
                       cwd=self.root, timeout=60)

    def _monitor_sql(self, sql: str) -> list[tuple[Any, ...]]:
        db = url_connect(self.monitor_url, connect_timeout=2)
        db.connect()
        try:
            cursor = db.execute_sql(sql)
            return list(cursor.fetchall()) if cursor.description else []
        finally:
            db.close()

    def _monitor_ready(self) -> bool:
        try:
            return bool(self._monitor_sql(
                "SELECT 1 FROM pg_extension WHERE extname = 'pgautofailover'"))
        except peewee.DatabaseError:
            return False

    def _tune_monitor(self, settings: dict[str, int]) -> None:
        for key, value in settings.items():
            self._monitor_sql(f"ALTER SYSTEM SET {key} = {value}")
        self._monitor_sql("SELECT pg_reload_conf()")

    def states(self) -> dict[int, tuple[str, str]]:
        """port → (reported state, assigned state), as the monitor sees the nodes."""
        rows = self._monitor_sql(
            "SELECT nodeport, reportedstate, goalstate FROM pgautofailover.node")
        return {int(port): (str(reported), str(goal)) for port, reported, goal in rows}

    def _states_are(self, wanted: set[str]) -> bool:
        try:
            states = self.states()
        except peewee.DatabaseError:
            return False
        return ({reported for reported, goal in states.values() if reported == goal}
                == wanted and len(states) == len(self.nodes))

    def primary(self) -> Node:
        """The node the monitor holds for the primary (writes go there)."""
        states = self.states()
        leading = ("primary", "wait_primary", "single")
        for node in self.nodes:
            # A dead primary still shows its last reported state; the monitor's goal for
            # it (demoted) tells it apart from the one promoted.
            reported, goal = states.get(node.port, ("", ""))
            if reported in leading and goal in leading:
                return node
        raise LookupError(f"no primary: {states}")

    def synchronous_standby_names(self) -> str:
        node = self.primary()
        db = url_connect(f"postgresql://postgres@127.0.0.1:{node.port}/{self.DATABASE}",
                         connect_timeout=2)
        db.connect()
        try:
            return str(db.execute_sql("SHOW synchronous_standby_names").fetchone()[0])
        finally:
            db.close()

    def close(self) -> None:
        for node in [*self.nodes, *([self.monitor] if self.monitor else [])]:
            with contextlib.suppress(OSError):
                node.stop()
        shutil.rmtree(self.root, ignore_errors=True)
