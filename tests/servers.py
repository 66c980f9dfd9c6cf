"""The site as production runs it: gunicorn with the production settings, in a subprocess."""

import http.client
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "norec.example"
SECRET = "a-long-production-secret-of-more-than-fifty-characters-0123456789"


def _control_socket_off():
    """gunicorn 25+ opens a control socket shared by every server of the user: not ours."""
    import gunicorn

    return ["--no-control-socket"] if int(gunicorn.__version__.split(".")[0]) >= 25 else []


CONTROL_SOCKET_OFF = _control_socket_off()


def database_url(connection):
    """A DATABASE_URL for the database that ``connection`` uses (the test database)."""
    from urllib.parse import quote

    db = connection.settings_dict
    host = quote(db["HOST"] or "", safe="")
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(database_url, folder, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="norec_site.settings.prod",
        DATABASE_URL=database_url,
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS=HOST,
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        NOREC_PRIVATE_MEDIA_ROOT=str(folder / "private"),
        **extra,
    )
    return env


def collectstatic(env):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=env, check=True, timeout=300,
    )  # fmt: skip


@contextmanager
def gunicorn(env):
    """Serve with gunicorn on a free port; yields a ``get(path, **headers)`` function."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "norec_site.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--access-logfile", "-", *CONTROL_SOCKET_OFF],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip

    def request(method, path, body=None, **headers):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", **headers}
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.text = response.read().decode("utf-8", "replace")
            return response
        finally:
            connection.close()

    def get(path, **headers):
        return request("GET", path, **headers)

    get.request = request
    get.process = process
    get.port = port
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get("/healthz")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read()
                    raise RuntimeError(f"gunicorn did not start:\n{output}") from None
                time.sleep(0.2)
        yield get
    finally:
        stop(process, timeout=20)


def stop(process, timeout):
    """Ends a server the tests started: politely, then by force after ``timeout`` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
