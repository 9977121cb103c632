"""The load test's options (bench/load/run.py): the scenario a run measures, and the bounds that keep
a capacity run (people without pauses) from sending requests for as long as the site can answer. Only
the arguments are read here; the run itself is tests/bench/test_load_runs.py's."""

import pytest

from bench.load.run import SCENARIOS, options


def test_without_options_the_run_is_a_hall_of_100_people_who_pause_about_a_second():
    parsed = options([])
    assert parsed.scenario == "people"
    assert (parsed.users, parsed.duration, parsed.think, parsed.max_requests) == (100, 180, 1.0, 0)


def test_a_capacity_run_has_no_pauses_and_stops_after_a_number_of_requests_or_seconds():
    parsed = options(["--capacity"])
    assert parsed.scenario == "capacity"
    assert parsed.think == 0
    assert parsed.users == SCENARIOS["capacity"]["users"]
    assert 0 < parsed.max_requests == SCENARIOS["capacity"]["max_requests"]
    assert 0 < parsed.duration == SCENARIOS["capacity"]["duration"]


def test_options_given_win_over_the_capacity_runs_defaults():
    parsed = options(["--capacity", "--users", "12", "--max-requests", "500", "--duration", "20", "--think", "0.1"])
    assert (parsed.users, parsed.max_requests, parsed.duration, parsed.think) == (12, 500, 20, 0.1)


def test_a_hall_of_people_may_be_bounded_by_requests_too():
    assert options(["--max-requests", "2000"]).max_requests == 2000


@pytest.mark.parametrize(
    "arguments",
    [
        ["--capacity", "--max-requests", "0"],  # a capacity run without a bound on its requests
        ["--capacity", "--max-requests", "-5"],
        ["--max-requests", "-1"],
        ["--capacity", "--duration", "0"],
        ["--duration", "-10"],
        ["--capacity", "--users", "0"],
        ["--think", "-1"],
        ["--spawn-rate", "0"],
        ["--worker-nice", "20"],
        ["--worker-nice", "-1"],
    ],
)
def test_a_run_without_bounds_or_with_impossible_ones_is_refused(arguments, capsys):
    with pytest.raises(SystemExit) as refused:
        options(arguments)
    assert refused.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_the_worker_runs_below_the_web_processes_unless_told_otherwise():
    assert options([]).worker_nice > 0
    assert options(["--worker-nice", "0"]).worker_nice == 0
