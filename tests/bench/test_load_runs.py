"""The load test (bench/load/run.py) is how "no 5xx, nothing lost or duplicated under load" is checked:
one that no longer starts (a setting production now demands, a changed API its people call) would
leave the figures in docs/deploy.md unrepeatable without anyone seeing. It is run here at a tiny
scale, for its exit code and the shape of its report; the figures mean nothing at ten people (the fewest that
include a trainer and a visitor: eight learners to one of each).

It needs what it drives in production: PostgreSQL and Redis (CI sets both). The first run on a
server builds the template database (migrate and seed, a few minutes); later runs copy it."""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(
        not (DATABASE_URL.startswith(("postgres://", "postgresql://")) and REDIS_URL),
        reason="needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL)",
    ),
]


def server(url: str) -> str:
    """The URL's scheme, credentials, host and port, without the database."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_the_load_test_runs_and_reports_throughput_endpoints_and_consistency():
    command = [
        sys.executable, "bench/load/run.py", "--users", "10", "--spawn-rate", "10", "--duration", "8",
        "--warmup", "3", "--unloaded", "3", "--think", "0.3",
        "--postgres", server(DATABASE_URL), "--redis", server(REDIS_URL),
        # Not the database, the port or the Redis database of a full run someone may have going.
        "--database", "cascade_load_smoke", "--port", "8766", "--redis-db", "15",
    ]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    out = result.stdout
    assert re.search(r"^load: users=10 .* rps_per_core=\d+\.\d+ failures=0 status_5xx=0$", out, re.M), out
    # Where the CPU went (the site's processes, PostgreSQL, Redis, the client, the rest) and the
    # throughput per core with and without the client's share.
    assert re.search(
        r"^cpu: available_cpu_s=\d+ machine_busy_cpu_s=\d+ web_cpu_s=\d+ worker_cpu_s=\d+ postgres_cpu_s=\d+ "
        r"redis_cpu_s=\d+ locust_cpu_s=\d+ other_cpu_s=\d+ locust_share=\d+%$",
        out,
        re.M,
    ), out
    assert re.search(
        r"^throughput: rps=\S+ rps_per_core=\S+ rps_per_core_without_locust=\S+ requests_per_web_cpu_s=\S+ "
        r"requests_per_site_cpu_s=\S+$",
        out,
        re.M,
    ), out
    assert re.search(r"^latency: p50_ms=\d+ p90_ms=\d+ p95_ms=\d+ p99_ms=\d+ max_ms=\d+$", out, re.M), out
    for endpoint in ("sign in", "lesson page", "api: complete lesson", "api: submit attempt", "verify page"):
        assert re.search(rf'^endpoint: name="{endpoint}" requests=[1-9]\d* .* p95_ms=\d+', out, re.M), (endpoint, out)
    assert re.search(r"^consistency: submits_sent=\d+ submits_seen=[1-9]\d* attempts_submitted=\d+ ok$", out, re.M), out
    assert re.search(r"^consistency: duplicates .* ok$", out, re.M), out
    assert out.rstrip().endswith("result: ok"), out
