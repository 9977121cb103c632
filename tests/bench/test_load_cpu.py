"""The load test's CPU figures count a process's children that have ended: gunicorn replaces each
worker after its 2,000 or so requests, and a run that lost a replaced worker's CPU reported a tenth
of what the web processes used."""

import subprocess
import sys
import time

from bench.load.run import cpu_seconds

# A parent (as gunicorn's master) that starts a child, which spins for half a second of CPU and
# ends; the parent reaps it and then waits, doing nothing, until it is stopped.
PARENT = """
import subprocess, sys, time
spin = "import time\\nend = time.process_time() + 0.5\\nwhile time.process_time() < end: pass"
subprocess.run([sys.executable, "-c", spin])
print("reaped", flush=True)
time.sleep(60)
"""


def test_the_cpu_of_a_child_that_has_ended_is_counted():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout.readline().strip() == "reaped"
        time.sleep(0.1)
        assert cpu_seconds(parent) >= 0.5
    finally:
        parent.kill()
        parent.wait()
