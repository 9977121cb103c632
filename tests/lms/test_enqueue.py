"""A task handed to an unreachable broker is logged and left to the sweeps; the caller goes on."""

import logging

import pytest
from kombu.exceptions import OperationalError

from core.enqueue import enqueue


class _Task:
    name = "tests.example"

    def __init__(self, error=None):
        self.error, self.calls = error, []

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
