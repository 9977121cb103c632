"""A task handed to an unreachable broker is logged and left to the sweeps; the caller goes on."""

import logging
from types import SimpleNamespace

import pytest
from kombu.exceptions import OperationalError

from core.enqueue import enqueue


class _Task:
    name = "tests.example"

    def __init__(self, error=None, broker=None):
        self.error, self.calls = error, []
        if broker:  # sent through a broker, as in production
            self.app = SimpleNamespace(conf=SimpleNamespace(task_always_eager=False, broker_url=broker))

    def delay(self, *args, **kwargs):
        if self.error:
            raise self.error
        self.calls.append((args, kwargs))


def test_a_task_the_broker_cannot_take_is_logged_and_the_caller_goes_on(caplog):
    with caplog.at_level(logging.ERROR, logger="core.enqueue"):
        assert enqueue(_Task(OperationalError("Connection refused")), 7) is False
    assert "tests.example" in caplog.text


def test_a_task_the_broker_takes_is_handed_over_once():
    task = _Task()
    assert enqueue(task, 7, kind="x") is True
    assert task.calls == [((7,), {"kind": "x"})]


def test_a_failure_that_is_not_the_brokers_is_not_hidden():
    with pytest.raises(ValueError):
        enqueue(_Task(ValueError("a bug")), 7)


def test_after_the_broker_refused_a_task_the_next_ones_are_left_to_the_sweep_without_trying_it(settings):
    """Each try can cost a request a second or more while the broker is down: a process that has
    just seen it refuse leaves it alone for a few seconds; another broker is still tried."""
    settings.CASCADE_BROKER_RETRY_AFTER = 60
    assert enqueue(_Task(OperationalError("Connection refused"), broker="redis://127.0.0.1:1/0"), 7) is False
    waiting = _Task(broker="redis://127.0.0.1:1/0")
    assert enqueue(waiting, 8) is False
    assert waiting.calls == []
    elsewhere = _Task(broker="redis://127.0.0.1:2/0")
    assert enqueue(elsewhere, 9) is True
    assert elsewhere.calls == [((9,), {})]
