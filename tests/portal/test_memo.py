"""portal.memo: inside one_read() a remembered selector answers each question once; outside, every time."""

from portal.memo import one_read, remembered

calls = []


@remembered
def report(year, framework=None, *, locality=None):
    calls.append((year, framework, locality))
    return {"year": year, "locality": locality}


def setup_function():
    calls.clear()


def test_outside_a_read_every_call_is_computed():
    report(2026)
    report(2026)
    assert len(calls) == 2


def test_inside_a_read_the_same_question_is_answered_once_however_it_is_asked():
    with one_read():
        first = report(2026)
        assert report(2026, locality=None) is first and report(2026, None) is first
        report(2025)
        report(2026, locality="north")
    assert calls == [(2026, None, None), (2025, None, None), (2026, None, "north")]


def test_nothing_outlives_the_read_and_nested_reads_share_the_outer_one():
    with one_read():
        report(2026)
        with one_read():
            report(2026)
        report(2026)
    with one_read():
        report(2026)
    assert len(calls) == 2


def test_an_argument_that_cannot_be_a_key_is_computed_each_time():
    with one_read():
        report([2026])
        report([2026])
    assert len(calls) == 2
