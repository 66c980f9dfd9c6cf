"""The benchmark behind `make bench`: what visitors meet, measured against Django's floor.

- ``run``: the whole run on its own seeded database (``manage.py bench`` starts it);
- ``inprocess``: search and the PDF upload service timed in this process, and each
  page's queries and bytes;
- ``servers``: gunicorn with production settings and wrk against it;
- ``report``: the table, the targets and ``.bench/results.json``.

Nothing here is an assertion: a missed target is printed, not raised.
"""
