"""The benchmark is how the page budgets are checked: a scenario that no longer runs (a rule tightened
on the server that its data setup breaks, say) would leave a budget unmeasured without anyone seeing.
Each page scenario is run once here, for its figures' shape only; the times mean nothing at one round."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from bench.run import SCENARIOS

ROOT = Path(settings.BASE_DIR)


def test_every_page_scenario_of_the_benchmark_runs_and_reports_its_figures():
    # The embedded default (a temporary SQLite file, tasks in-process): the bench builds its own
    # database and must not meet the test run's.
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")}
    result = subprocess.run(
        [sys.executable, "bench/run.py", "--rounds", "1", "--warmup", "0", "--only", *SCENARIOS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,  # a slow, shared machine: the setup (migrations, the demo) takes minutes there
    )
    assert result.returncode == 0, result.stderr[-3000:]
    # Every page against both floors: Cascade's own, and a stock Wagtail site's.
    for name in ("floor", "floor_plain", *SCENARIOS):
        line = rf"^{name}: ratio=\d+\.\d+ plain=\d+\.\d+ queries=\d+ median_ms=\d+\.\d+$"
        assert re.search(line, result.stdout, re.M), (name, result.stdout)


def test_the_lesson_weight_scenario_runs_and_keeps_its_low_data_budgets():
    # Bytes, not times: the figures are the machine's own only through the pictures' encoder, so the
    # budgets are checked here as well.
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")}
    result = subprocess.run(
        [sys.executable, "bench/weight.py", "--budget"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    kinds = (
        r" html_kb=\d+\.\d css_kb=\d+\.\d js_kb=\d+\.\d font_kb=\d+\.\d image_kb=\d+\.\d icon_kb=\d+\.\d requests=\d+$"
    )
    for name, budget in (("lesson_weight_first", ""), ("lesson_weight_repeat", "")):
        assert re.search(rf"^{name}: kb=\d+\.\d{budget}{kinds}", result.stdout, re.M), (name, result.stdout)
    for name, budget in (("lesson_weight_lowdata_first", 150), ("lesson_weight_lowdata_repeat", 60)):
        assert re.search(rf"^{name}: kb=\d+\.\d budget={budget}{kinds}", result.stdout, re.M), (name, result.stdout)
    # In low-data mode no web font is fetched.
    assert re.search(r"^lesson_weight_lowdata_first: .* font_kb=0\.0 ", result.stdout, re.M), result.stdout
