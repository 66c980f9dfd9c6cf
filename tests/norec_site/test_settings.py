"""Production settings: refuse to start half-configured; pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PROD_ENV = {
    "DATABASE_URL": "postgres://norec@db.internal:5432/norec",
    "SECRET_KEY": "a-long-production-secret-of-more-than-fifty-characters-0123456789",
    "ALLOWED_HOSTS": "www.norec.no,norec.no",
}


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in PROD_ENV
        and key not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="norec_site.settings.prod")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_the_deploy_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PROD_ENV)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", sorted(PROD_ENV))
def test_production_refuses_to_start_without(missing):
    env = {key: value for key, value in PROD_ENV.items() if key != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable for production." in result.stderr


def test_a_socket_folder_in_the_database_url_is_the_host_and_survives_a_round_trip():
    """The embedded server is reached through a socket folder given as ?host=; the servers
    the tests and the benchmark start rebuild DATABASE_URL from the settings and must keep it."""
    from types import SimpleNamespace

    from norec_site.settings.base import database_from_url
    from tests.servers import database_url

    url = "postgres://postgres@/norec?host=%2Ftmp%2Fnorec-db%2Fsocket"
    settings = database_from_url(url)["default"]
    assert settings["HOST"] == "/tmp/norec-db/socket"
    assert "host" not in settings.get("OPTIONS", {})

    again = database_from_url(database_url(SimpleNamespace(settings_dict=settings)))["default"]
    assert (again["HOST"], again["NAME"], again["USER"]) == (
        "/tmp/norec-db/socket",
        "norec",
        "postgres",
    )
