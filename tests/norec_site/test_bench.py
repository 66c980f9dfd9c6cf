"""The benchmark's parsing and verdicts (its timings are measurements, never tested)."""

import pytest

from norec_site.bench.report import missed_targets
from norec_site.bench.servers import parse_wrk, wrk_duration

WRK_OUTPUT = """Running 1s test @ http://127.0.0.1:8000/nn/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.01ms    3.10ms  40.00ms   90.00%
  Latency Distribution
     50%   11.50ms
     75%   13.00ms
     90%   15.00ms
     99%    1.02s
  812 requests in 1.00s, 10.00MB read
  Socket errors: connect 0, read 0, write 0, timeout 3
  Non-2xx or 3xx responses: 2
Requests/sec:    811.52
Transfer/sec:     10.00MB
"""


def test_wrk_output_gives_rate_percentiles_and_failures():
    assert parse_wrk(WRK_OUTPUT) == {
        "rps": 811.52,
        "p50_ms": 11.5,
        "p99_ms": 1020.0,
        "failed": 2,
        "timeouts": 3,
    }
    assert wrk_duration("456.00us") == pytest.approx(0.456)
    with pytest.raises(RuntimeError, match="wrk said"):
        parse_wrk("unable to connect to 127.0.0.1:8000 Connection refused")


def test_a_row_misses_the_targets_of_its_kind():
    row = {"kind": "detail", "cached": False, "ratio_to_floor": 0.04, "queries": 9}
    row |= {"p50_ms": 10.0, "p99_ms": 50.0}
    assert missed_targets(row) == ["uncached < 0.05", "p99 > 4×p50", "queries > 8"]
    assert missed_targets(row | {"kind": "list", "p99_ms": 40.0, "queries": 8}) == []
    assert missed_targets(row | {"cached": True, "ratio_to_floor": 0.5}) == [
        "cached < 0.6",
        "p99 > 4×p50",
        "queries > 8",
    ]
    assert missed_targets(row | {"kind": "floor"}) == []
