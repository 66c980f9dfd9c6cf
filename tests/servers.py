"""The site as production runs it: gunicorn with the production settings, in a subprocess."""

import http.client
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from norec_site import app_server
from norec_site.app_server import collectstatic, database_url, free_port, stop

__all__ = [
    "ROOT",
    "collectstatic",
    "database_url",
    "free_port",
    "gunicorn",
    "production_env",
    "stop",
]

ROOT = Path(__file__).resolve().parent.parent
HOST = "norec.example"
SECRET = "a-long-production-secret-of-more-than-fifty-characters-0123456789"


def production_env(database_url, folder, **extra):
    """The environment of a server with the production settings, its files in ``folder``."""
    return app_server.server_environ(
        "norec_site.settings.prod",
        database_url,
        folder,
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS=HOST,
        MEDIA_ROOT=str(folder / "media"),
        NOREC_PRIVATE_MEDIA_ROOT=str(folder / "private"),
        **extra,
    )


def fetch(port, path, **headers):
    """GET ``path`` from the server on ``port`` as the proxy in front would pass it on."""
    connection = http.client.HTTPConnection(app_server.HOST, port, timeout=30)
    headers = {"Host": HOST, "X-Forwarded-Proto": "https", **headers}
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.text = response.read().decode("utf-8", "replace")
        return response
    finally:
        connection.close()


@contextmanager
def gunicorn(env, folder):
    """Serve with gunicorn on a free port, logging in ``folder``; yields a
    ``get(path, **headers)`` function, with the port as ``get.port``."""
    ready = partial(fetch, path="/healthz")
    with app_server.gunicorn(env, folder, ready, "--access-logfile", "-") as port:
        get = partial(fetch, port)
        get.port = port
        yield get
