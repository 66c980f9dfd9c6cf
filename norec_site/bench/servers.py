"""gunicorn with production settings plus the floor view, and wrk sent at it."""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from urllib.parse import quote

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection

HOST = "127.0.0.1"
CONNECTIONS = 8
WORKERS = 2
FLOOR = "/bench/floor"


def database_url(db):
    host = quote(db["HOST"] or "", safe="")
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    user = quote(db["USER"] or "")
    return f"postgres://{user}{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def server_environ(folder, cache_seconds):
    """This process's environment for norec_site.settings.bench on the benchmark database."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "REDIS_URL", "PAGE_CACHE_SECONDS")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="norec_site.settings.bench",
        DATABASE_URL=database_url(connection.settings_dict),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        NOREC_PRIVATE_MEDIA_ROOT=str(settings.NOREC_PRIVATE_MEDIA_ROOT),
        PAGE_CACHE_SECONDS=str(cache_seconds),
    )
    return env


def collect_static(folder):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=server_environ(folder, 0), check=True, timeout=600, cwd=settings.BASE_DIR,
    )  # fmt: skip


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def fetch(port, path):
    request = urllib.request.Request(
        f"http://{HOST}:{port}{path}", headers={"X-Forwarded-Proto": "https"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our own server
        return response.read()


@contextmanager
def gunicorn(folder, cache_seconds):
    """A gunicorn on a free port, with the page cache kept ``cache_seconds``; yields the port."""
    port = free_port()
    log_path = folder / f"gunicorn-{cache_seconds}.log"
    log = log_path.open("wb")
    command = [
        sys.executable, "-m", "gunicorn", "norec_site.wsgi", "--bind", f"{HOST}:{port}",
        "--workers", str(WORKERS), "--timeout", "120", "--no-control-socket",
    ]  # fmt: skip
    if int(__import__("gunicorn").__version__.split(".")[0]) < 25:
        command.remove("--no-control-socket")
    env = server_environ(folder, cache_seconds)
    # Our own interpreter running gunicorn on our own settings; no shell, no user input.
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603 - fixed command, our interpreter
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(port, FLOOR)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.close()
                    text = log_path.read_text()
                    raise CommandError(f"gunicorn did not start:\n{text[-3000:]}") from None
                time.sleep(0.3)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def wrk_duration(text):
    """wrk's "1.23ms", "456.00us", "1.02s" in milliseconds."""
    number, unit = re.fullmatch(r"([0-9.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def parse_wrk(output):
    rps = re.search(r"Requests/sec:\s+([0-9.]+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    if not (rps and p50 and p99):
        raise RuntimeError(f"wrk said:\n{output}")
    bad = re.search(r"Non-2xx or 3xx responses:\s+([0-9]+)", output)
    errors = re.search(r"Socket errors:.*timeout ([0-9]+)", output)
    return {
        "rps": float(rps.group(1)),
        "p50_ms": wrk_duration(p50.group(1)),
        "p99_ms": wrk_duration(p99.group(1)),
        "failed": int(bad.group(1)) if bad else 0,
        "timeouts": int(errors.group(1)) if errors else 0,
    }


def wrk(port, path, seconds):
    """Requests per second, p50 and p99 of ``path`` under CONNECTIONS connections."""
    command = [
        shutil.which("wrk"), "--threads", "2", "--connections", str(CONNECTIONS),
        "--duration", f"{max(1, round(seconds))}s", "--timeout", "30s", "--latency",
        "--header", "X-Forwarded-Proto: https", f"http://{HOST}:{port}{path}",
    ]  # fmt: skip
    # wrk from the OS packages against our own server; no shell, no user input.
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120)  # noqa: S603 - fixed command
    return parse_wrk(done.stdout)
