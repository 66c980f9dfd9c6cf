"""The dev database wrapper behind make run and make lint."""

import sys

from norec_site import embedded_db


def test_a_damaged_handle_list_is_repaired(tmp_path):
    handles = tmp_path / ".handle_pids.json"
    handles.write_text("")  # what a process killed mid-write leaves
    embedded_db._repair_handle_list(tmp_path)
    assert handles.read_text() == "[]"


def test_run_passes_the_exit_code_through_when_database_url_is_set(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://example/norec")
    assert embedded_db.run([sys.executable, "-c", "raise SystemExit(3)"]) == 3


def test_wrong_usage_says_how_to_use_it(capsys):
    assert embedded_db.main(["start"]) == 2
    assert "usage: python -m norec_site.embedded_db" in capsys.readouterr().err
