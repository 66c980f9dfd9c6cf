"""The site under gunicorn in a subprocess, as production serves it.

One launcher for the benchmark and for the tests that need a real server: a free local
port, the static files collected, a log file, a wait until it answers and a clean stop.
"""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from urllib.parse import quote

from django.conf import settings
from django.core.management.base import CommandError

HOST = "127.0.0.1"


def database_url(connection):
    """A DATABASE_URL for the database that ``connection`` uses."""
    db = connection.settings_dict
    host = quote(db["HOST"] or "", safe="")
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    user = quote(db["USER"] or "")
    return f"postgres://{user}{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def server_environ(settings_module, database_url, folder, **values):
    """This process's environment for a server with ``settings_module`` on ``database_url``,
    collecting its static files into ``folder``; ``values`` set or override the others.
    The server shares no Redis with this process and may not run async-unsafe code."""
    dropped = ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL")
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(folder / "static"),
        "ALLOWED_HOSTS": HOST,
        **values,
    }


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def collectstatic(env):
    """``manage.py collectstatic`` with the environment ``env`` (its STATIC_ROOT)."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR, env=env, check=True, timeout=600,
    )  # fmt: skip


def control_socket_off():
    """gunicorn 25+ opens a control socket shared by every server of the user: not ours."""
    import gunicorn

    return ["--no-control-socket"] if int(gunicorn.__version__.split(".")[0]) >= 25 else []


def answers(ready, port):
    try:
        ready(port)
    except OSError:
        return False
    return True


@contextmanager
def gunicorn(env, folder, ready, *options, workers=1):
    """gunicorn serving norec_site.wsgi with ``env`` on a free port of HOST, logging to a
    file in ``folder``; yields the port once ``ready(port)`` gets an answer (it raises
    OSError until then). ``options`` go to gunicorn as they are."""
    port = free_port()
    log_path = folder / f"gunicorn-{port}.log"
    command = [
        sys.executable, "-m", "gunicorn", "norec_site.wsgi", "--bind", f"{HOST}:{port}",
        "--workers", str(workers), *options, *control_socket_off(),
    ]  # fmt: skip
    with log_path.open("wb") as log:
        # Our own interpreter running gunicorn on our own settings; no shell, no user input.
        process = subprocess.Popen(  # noqa: S603 - fixed command, our interpreter
            command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 60
        while not answers(ready, port):
            if process.poll() is not None or time.monotonic() > deadline:
                text = log_path.read_text(errors="replace")
                raise CommandError(f"gunicorn did not start:\n{text[-3000:]}")
            time.sleep(0.3)
        yield port
    finally:
        stop(process, timeout=30)


def stop(process, timeout):
    """Ends a server: politely, then by force after ``timeout`` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
