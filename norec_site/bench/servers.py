"""gunicorn with production settings plus the floor view, and wrk sent at it."""

import re
import secrets
import shutil
import subprocess
import urllib.request
from functools import partial

from django.conf import settings
from django.db import connection

from norec_site import app_server
from norec_site.app_server import HOST, collectstatic, database_url

CONNECTIONS = 8
WORKERS = 2
FLOOR = "/bench/floor"


def server_environ(folder, cache_seconds):
    """This process's environment for norec_site.settings.bench on the benchmark database."""
    return app_server.server_environ(
        "norec_site.settings.bench",
        database_url(connection),
        folder,
        SECRET_KEY=secrets.token_urlsafe(50),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        NOREC_PRIVATE_MEDIA_ROOT=str(settings.NOREC_PRIVATE_MEDIA_ROOT),
        PAGE_CACHE_SECONDS=str(cache_seconds),
    )


def collect_static(folder):
    collectstatic(server_environ(folder, 0))


def fetch(port, path):
    request = urllib.request.Request(
        f"http://{HOST}:{port}{path}", headers={"X-Forwarded-Proto": "https"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our own server
        return response.read()


def gunicorn(folder, cache_seconds):
    """A gunicorn on a free port, with the page cache kept ``cache_seconds``; yields the port."""
    env = server_environ(folder, cache_seconds)
    ready = partial(fetch, path=FLOOR)
    return app_server.gunicorn(env, folder, ready, "--timeout", "120", workers=WORKERS)


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
