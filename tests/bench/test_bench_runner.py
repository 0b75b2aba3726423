"""bench/run_all.py reads the figures every benchmark prints into one table; bench/throwaway_db.py gives each
benchmark a database of its own. The samples below are what the benchmarks printed in a real run."""

import importlib
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"

OFFERS = """\
Building the benchmark database in /tmp/bench-all-gytm0sdb/offers-bench-ywu7q0hs/bench.sqlite3 ...
  migrated in 100.8 s
     100 published offers ready (2.5 s to add 100)
    1000 published offers ready (4.6 s to add 900)

Median response time in milliseconds (10 requests each, sqlite, Django test client)
  offers     static file       directory          search      offer page  feed /services
     100             0.4           180.0           164.0            40.0            85.0
    1000             0.2           101.1           107.4            29.1            67.6
"""

COMMITMENTS = """\
Database: sqlite:////tmp/bench-all-gytm0sdb/commitments-bench-shblow2j/bench.sqlite3
Migrated in 75.9s
 schools    build      view  queries  filtered    export  queries   command      xlsx
     100     0.6s      99ms       17     107ms     111ms       12     120ms      10KB
     500     2.8s     189ms       17     226ms     354ms       12     344ms      27KB
"""

CASEAUDITS = """\
Database: sqlite:////tmp/bench-all-gytm0sdb/caseaudits-bench-20iy0fuu/bench.sqlite3
Migrated in 82.0 s
  audits  insert s  report s  queries  export s  xlsx KB  2018-19 audits
    1000       2.0      0.15        7      0.31       13  507
   10000      10.0      0.42        7      0.49       14  5016
"""

LOAD = """\
Building the demo partnership in sqlite:////tmp/load-bench-dd19k2lf/load.sqlite3 ...
  migrated in 110 s
  demo partnership loaded in 105 s
Gunicorn (2 workers) on http://127.0.0.1:47859; Locust: 10 users for 20 s ...

Load: 10 users for 20 s, Gunicorn 2 workers, sqlite, demo partnership (latency in ms)
group                     requests    req/s   p50 ms   p95 ms  errors
partner/sign-in:POST             4     0.20     5200     5400       0
public/directory                19     0.95     1400     3600       0
total                           77     3.85     1400     4300       0
"""


@pytest.fixture
def bench(monkeypatch):
    """The bench scripts import each other as top-level modules, as they do when run from bench/."""
    monkeypatch.syspath_prepend(str(BENCH))
    return importlib.import_module("run_all"), importlib.import_module("throwaway_db")


def test_column_names_with_spaces_come_out_whole_and_each_row_is_labelled_by_its_size(bench):
    run_all, _ = bench
    ((title, rows),) = run_all.tables(OFFERS.splitlines())
    assert title == "Median response time in milliseconds (10 requests each, sqlite, Django test client)"
    assert rows == [
        (
            "100 offers",
            [
                ("static file", "0.4"),
                ("directory", "180.0"),
                ("search", "164.0"),
                ("offer page", "40.0"),
                ("feed /services", "85.0"),
            ],
        ),
        (
            "1000 offers",
            [
                ("static file", "0.2"),
                ("directory", "101.1"),
                ("search", "107.4"),
                ("offer page", "29.1"),
                ("feed /services", "67.6"),
            ],
        ),
    ]


def test_figures_keep_their_units_and_progress_lines_are_not_rows(bench):
    run_all, _ = bench
    ((title, rows),) = run_all.tables(COMMITMENTS.splitlines())
    assert title == ""  # the line above the header is progress, not a title
    assert rows[1] == (
        "500 schools",
        [
            ("build", "2.8s"),
            ("view", "189ms"),
            ("queries", "17"),
            ("filtered", "226ms"),
            ("export", "354ms"),
            ("queries", "12"),
            ("command", "344ms"),
            ("xlsx", "27KB"),
        ],
    )


def test_a_last_column_wider_than_its_figures_keeps_its_whole_name(bench):
    run_all, _ = bench
    ((_, rows),) = run_all.tables(CASEAUDITS.splitlines())
    assert rows[1] == (
        "10000 audits",
        [
            ("insert s", "10.0"),
            ("report s", "0.42"),
            ("queries", "7"),
            ("export s", "0.49"),
            ("xlsx KB", "14"),
            ("2018-19 audits", "5016"),
        ],
    )


def test_the_load_table_is_read_per_endpoint_group(bench):
    run_all, _ = bench
    ((title, rows),) = run_all.tables(LOAD.splitlines())
    assert title.startswith("Load: 10 users for 20 s")
    assert [label for label, _ in rows] == ["partner/sign-in:POST", "public/directory", "total"]
    assert rows[2][1] == [
        ("requests", "77"),
        ("req/s", "3.85"),
        ("p50 ms", "1400"),
        ("p95 ms", "4300"),
        ("errors", "0"),
    ]


def test_the_summary_puts_every_benchmark_in_one_table_and_shows_what_a_failed_one_printed(bench):
    run_all, _ = bench
    offers = run_all.Benchmark(
        "offers", "offers_bench.py", [], [], output=OFFERS.splitlines(), returncode=0, seconds=120.4
    )
    load = run_all.Benchmark(
        "load", "load.py", [], [], output=["Building ...", "Gunicorn did not answer"], returncode=1, seconds=95
    )
    lines = run_all.summary([offers, load], "SQLite").splitlines()
    assert lines[0] == "All figures (SQLite)"
    assert [line.split()[0] for line in lines[1:]] == ["benchmark"] + ["offers"] * 4 + ["load"] * 3
    assert "offers       (run)                      ok, 120 s" in lines
    assert (
        "offers       100 offers                 static file 0.4 | directory 180.0 | search 164.0 | "
        "offer page 40.0 | feed /services 85.0"
    ) in lines
    assert "load         (run)                      FAILED (exit 1), 95 s" in lines
    assert "load         (output)                   Gunicorn did not answer" in lines


def test_a_postgresql_database_of_its_own_is_named_after_the_one_in_the_url(bench):
    _, throwaway_db = bench
    assert throwaway_db.is_postgresql("postgres://postgres@127.0.0.1:5432/portal_h_load")
    assert not throwaway_db.is_postgresql("sqlite:////tmp/x.sqlite3")
    assert not throwaway_db.is_postgresql(None)
    assert throwaway_db.throwaway_name("postgres://postgres@127.0.0.1:5432/portal_h_load", "load") == (
        "portal_h_load_bench_load"
    )
    with pytest.raises(ValueError):  # never a name that would need quoting inside the SQL
        throwaway_db.throwaway_name('postgres://postgres@127.0.0.1/x"; DROP DATABASE portal; --', "load")
    assert throwaway_db.describe("postgres://user:secret@db.example:5433/portal") == "postgres://db.example:5433/portal"


def test_a_sqlite_database_of_its_own_is_a_file_in_the_folder_removed_afterwards(bench, tmp_path):
    _, throwaway_db = bench
    with throwaway_db.throwaway_database(None, "offers", tmp_path) as url:
        assert url == f"sqlite:///{tmp_path / 'offers.sqlite3'}"
        (tmp_path / "offers.sqlite3").write_bytes(b"data")
        (tmp_path / "offers.sqlite3-journal").write_bytes(b"data")
    assert list(tmp_path.iterdir()) == []


def test_every_target_line_is_gathered_with_its_verdict_and_a_miss_is_counted(bench, capsys):
    run_all, _ = bench
    common = importlib.import_module("common")
    common.against_target("directory at 10,000 offers vs sign-in", 5.26, 10, size=10000, at=10000)
    common.against_target("organisations import vs bulk_create", 3.4, 3, size=2000, at=2000)
    common.against_target("directory at 1,000 offers vs sign-in", 12.0, 10, size=1000, at=10000)
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].endswith("5.26x  <= 10x  met") and printed[1].endswith("3.40x  <= 3x  MISSED")
    assert printed[2].endswith("12.00x  <= 10x  not judged: the target is for 10,000")
    offers = run_all.Benchmark(
        "offers", "offers_bench.py", [], [], output=[*OFFERS.splitlines(), printed[0], printed[2]]
    )
    imports = run_all.Benchmark("imports", "imports_bench.py", [], [], output=["Imports ...", printed[1]])
    gathered = run_all.targets([offers, imports]).splitlines()
    assert gathered == [
        "Against the targets: 1 of 2 missed, 1 not judged at these sizes (--full)",
        printed[0],
        printed[2],
        printed[1],
    ]
    assert run_all.targets([offers]).splitlines()[0] == (
        "Against the targets: all 1 met, 1 not judged at these sizes (--full)"
    )
    assert run_all.targets([run_all.Benchmark("x", "x.py", [], [], output=["no targets"])]) == ""
