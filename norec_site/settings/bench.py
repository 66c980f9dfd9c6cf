"""`make bench`: production settings, plus the floor view (the smallest Django response)
that every page is measured against. Nothing else uses these settings."""

from .prod import *  # noqa: F403

ROOT_URLCONF = "norec_site.bench_urls"
