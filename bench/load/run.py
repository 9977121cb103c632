"""Cascade under load: gunicorn, PostgreSQL, Redis and a Celery worker on loopback, driven by locust.

Run from the repository root (PostgreSQL and Redis must be running; see bench/load/README.md)::

    .venv/bin/python bench/load/run.py --users 100 --duration 180   # a hall of people who pause
    .venv/bin/python bench/load/run.py --capacity                    # the same without pauses

It creates its own database (``cascade_load``, from a template it keeps up to date), uses Redis
database 14 only (emptied with FLUSHDB before the run), starts a Celery worker and gunicorn on
127.0.0.1, measures each endpoint unloaded (one person at a time), runs the load, prints the figures
and the consistency check, then stops what it started and drops its database. It exits non-zero
when any answer was a 5xx or a locust failure, or when the consistency check fails.

Output::

    machine: cores=2 cpu="..." load_average_before=0.4 ...
    load: users=100 scenario=people duration_s=180 ... requests=N rps=X rps_per_core=Y failures=0 status_5xx=0
    latency: p50_ms=A p90_ms=B p95_ms=C p99_ms=D max_ms=E
    cpu: available_cpu_s=T machine_busy_cpu_s=M web_cpu_s=A worker_cpu_s=B postgres_cpu_s=P ... locust_share=S%
    throughput: rps=X rps_per_core=Y rps_per_core_without_locust=W requests_per_web_cpu_s=Z requests_per_site_cpu_s=V
    endpoint: name="lesson page" requests=N p50_ms=A p95_ms=B unloaded_p50_ms=C p95_over_unloaded=R
    ...
    consistency: ...
    result: ok
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import json
import os
import platform
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil  # locust's own dependency
import psycopg
import redis

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
POSTGRES = "postgres://postgres@127.0.0.1:5432"
# What the template database is built from: when any of it changes, the template is built again.
TEMPLATE_SOURCES = ("*/migrations/*.py", "lms/demo/*.py", "bench/load/seed.py")
# Learner accounts in the template: a simulated learner takes a fresh one every three rounds, about
# one a minute at the default pace; 100 people for 3 minutes use a few hundred.
LEARNER_POOL = 3000


# The two scenarios. "people": 100 people who read and think about a second between requests, as a
# training hall would; they cannot send more than about 118 requests a second however fast the site
# answers, so the run measures the scenario, not the site. "capacity": the same people and the same
# rounds (hence the same mix of requests) without pauses, so that requests wait on the site alone,
# stopped after a number of requests or seconds, whichever comes first. 20 people keep four requests
# waiting for each of a 2-core machine's five gunicorn workers: more would only lengthen the queue,
# and each person's rounds (some 20 requests) would take longer, fewer of them fitting in the time.
SCENARIOS = {
    "people": {"users": 100, "spawn_rate": 5, "duration": 180, "think": 1.0, "max_requests": 0},
    "capacity": {"users": 20, "spawn_rate": 10, "duration": 120, "think": 0.0, "max_requests": 15000},
}
# The Celery worker's CPU priority against gunicorn's, as the worker's systemd unit sets it
# (docs/deploy.md: CPUWeight=20 against web's 100, weights 1 to 5). Nice 7's weight is 215 against
# nice 0's 1024, the same ratio: when both want the cores, rendering certificates waits, pages less.
# The run measures production's arrangement; on a machine shared with other work, the web's share
# did not grow measurably with it (docs/deploy.md §9), so --worker-nice 0 compares the two.
WORKER_NICE = 7


def options(argv: list[str] | None = None) -> argparse.Namespace:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--capacity",
        action="store_true",
        help="the capacity run: the same people without pauses, bounded by --max-requests and --duration "
        + "(defaults {users} people, {duration} s, {max_requests} requests)".format(**SCENARIOS["capacity"]),
    )
    parser.add_argument("--users", type=int, help="simulated people at once (default 100; capacity 20)")
    # Each learner signs in when started, and a sign-in is the dearest request (the password's hash):
    # 100 people at 5 a second is a hall signing in over 20 seconds.
    parser.add_argument("--spawn-rate", type=float, help="people started per second (default 5; capacity 10)")
    parser.add_argument("--duration", type=int, help="seconds of load at most (default 180; capacity 120)")
    parser.add_argument("--think", type=float, help="mean seconds between a person's requests (default 1; capacity 0)")
    parser.add_argument(
        "--max-requests",
        type=int,
        help="stop the load after this many requests, each person finishing their round (default none; capacity 15000)",
    )
    parser.add_argument("--warmup", type=int, default=20, help="seconds of warm-up before measuring (default 20)")
    parser.add_argument("--unloaded", type=int, default=10, help="seconds of unloaded run per kind of person")
    parser.add_argument("--learners", type=int, default=0, help=f"learner accounts (at least {LEARNER_POOL})")
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * cores + 1,
        help="gunicorn workers (default 2×cores+1, as lms/gunicorn.conf.py)",
    )
    parser.add_argument(
        "--worker-nice",
        type=int,
        default=WORKER_NICE,
        help=f"the Celery worker's nice value, 0 to 19 (default {WORKER_NICE}, as its systemd unit's CPUWeight)",
    )
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--postgres", default=POSTGRES, help=f"server, without database (default {POSTGRES})")
    parser.add_argument("--database", default="cascade_load", help="database to create and drop")
    parser.add_argument("--template", default="cascade_load_template", help="template database it is copied from")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379", help="server, without database number")
    parser.add_argument("--redis-db", type=int, default=14, help="Redis database the run owns (emptied first)")
    parser.add_argument("--keep", action="store_true", help="keep the database and the work directory")
    parsed = parser.parse_args(argv)
    parsed.scenario = "capacity" if parsed.capacity else "people"
    for name, value in SCENARIOS[parsed.scenario].items():
        if getattr(parsed, name) is None:
            setattr(parsed, name, value)
    # The run is bounded: a number of people, of seconds and (for a capacity run) of requests, each
    # at least one. A capacity run without a request bound would send as many as the site can
    # answer for as long as asked.
    for name in ("users", "duration", "warmup", "unloaded", "workers"):
        if getattr(parsed, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if parsed.spawn_rate <= 0 or parsed.think < 0 or parsed.max_requests < 0:
        parser.error("--spawn-rate must be above 0, --think and --max-requests at least 0")
    if parsed.capacity and parsed.max_requests < 1:
        parser.error("a capacity run is bounded: --max-requests must be at least 1")
    if not 0 <= parsed.worker_nice <= 19:
        parser.error("--worker-nice must be between 0 and 19")
    # A learner's round takes about 20 requests; every third round signs in with a fresh account.
    # The template database holds a fixed pool (so that small and large runs share it), more if asked.
    parsed.learners = max(LEARNER_POOL, parsed.learners)
    return parsed


def say(line: str) -> None:
    print(line, flush=True)


def password_hasher(env: dict) -> str:
    """A password hashed as the settings hash it, with a fixed salt: its algorithm and parameters.
    The learners' passwords are hashed once when the template is built; a template whose hashes a
    sign-in would store again (another hasher) would measure that change, not a sign-in."""
    code = "from django.contrib.auth.hashers import make_password; print(make_password('load', 'cascadeloadsalt'))"
    return subprocess.run(
        [str(BIN / "python"), "-c", code], env=env, cwd=REPO, check=True, capture_output=True, text=True
    ).stdout.strip()


def template_key(learners: int, hasher: str) -> str:
    digest = hashlib.sha256(f"learners={learners} hasher={hasher}".encode())
    for pattern in TEMPLATE_SOURCES:
        for path in sorted(REPO.glob(pattern)):
            digest.update(path.relative_to(REPO).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def admin(opts) -> psycopg.Connection:
    return psycopg.connect(f"{opts.postgres}/postgres", autocommit=True)


def prepare_database(opts, env: dict) -> None:
    """The run's database, copied from a template that is migrated and seeded once per change of
    the migrations, the demo or the seed (building it takes minutes; copying it, seconds)."""
    template, key = opts.template, template_key(opts.learners, password_hasher(env))
    with admin(opts) as connection:
        found = connection.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [template]
        ).fetchone()
        connection.execute(f'DROP DATABASE IF EXISTS "{opts.database}" WITH (FORCE)')
        if found is None or found[0] != key:
            say(f"building the template database {template} (migrate and seed; once per change)")
            connection.execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{template}"')
            build = {**env, "DATABASE_URL": f"{opts.postgres}/{template}"}
            run([BIN / "python", "manage.py", "migrate", "-v0"], build)
            run([BIN / "python", HERE / "seed.py", "--learners", str(opts.learners)], build)
            connection.execute(f"COMMENT ON DATABASE \"{template}\" IS '{key}'")
        connection.execute(f'CREATE DATABASE "{opts.database}" TEMPLATE "{template}"')


def drop_database(opts) -> None:
    with admin(opts) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{opts.database}" WITH (FORCE)')


def run(command: list, env: dict) -> None:
    subprocess.run([str(part) for part in command], env=env, cwd=REPO, check=True)


def start(command: list, env: dict, log: Path) -> subprocess.Popen:
    """A process of the run, in a process group of its own so that stopping it stops its children."""
    with log.open("w") as output:
        return subprocess.Popen(
            [str(part) for part in command], env=env, cwd=REPO, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip


def prioritise(process: subprocess.Popen, nice: int) -> None:
    """The nice value of a process of the run and its children, as far as this user may set it
    (going back to 0 needs the right to raise a priority, which root has)."""
    root = psutil.Process(process.pid)
    for member in [root, *root.children(recursive=True)]:
        with contextlib.suppress(psutil.Error, OSError):
            member.nice(nice)
    # Where Linux groups processes by session (autogroup, when they are in no CPU cgroup of their
    # own), a nice value only orders the processes of one session, and each process of the run has a
    # session of its own: the session's group is given the same value, as systemd weighs one
    # service's cgroup against another's (any user may set 0 to 19 on their own).
    with contextlib.suppress(OSError):
        Path(f"/proc/{process.pid}/autogroup").write_text(str(nice))


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def cpu_seconds(process: subprocess.Popen) -> float:
    """CPU time (user and system) used so far by a process of the run and its children, those
    still running and those that have ended: gunicorn replaces each worker after its 2,000 or so
    requests, and a replaced worker's time is then only in its parent's count of ended children."""
    root = psutil.Process(process.pid)
    total = 0.0
    for member in [root, *root.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):
            times = member.cpu_times()
            total += times.user + times.system + times.children_user + times.children_system
    return total


def wait_healthy(url: str, processes: list[subprocess.Popen], seconds: float = 90) -> None:
    """Until /healthz answers 200: the database, the cache and the worker's queues all up."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(process.poll() is not None for process in processes):
            raise SystemExit("a process of the run stopped before the site was up: see the logs")
        with (
            contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError),
            urllib.request.urlopen(f"{url}/healthz", timeout=5) as response,  # noqa: S310 (loopback)
        ):
            if response.status == 200:
                return
        time.sleep(1)
    raise SystemExit(f"{url}/healthz did not answer 200 within {seconds:.0f} s")


def locust(opts, env: dict, work: Path, phase: str, *, users: int, seconds: int, classes=(), **extra) -> dict:
    """One headless locust run; returns its CSV's rows by endpoint name (and "Aggregated")."""
    counts = work / f"counts-{phase}.json"
    phase_env = {**env, "CASCADE_LOAD_COUNTS": str(counts), **{k: str(v) for k, v in extra.items()}}
    command = [
        BIN / "locust", "-f", HERE / "locustfile.py", "--headless", "--only-summary",
        "-u", users, "-r", opts.spawn_rate, "-t", f"{seconds}s", "--stop-timeout", "120",
        "--host", f"http://127.0.0.1:{opts.port}", "--csv", work / phase, "--exit-code-on-error", "0",
        *classes,
    ]  # fmt: skip
    # Locust runs on the same cores as the site: its CPU time (this child's, once it has exited) is
    # reported beside the site's, so that the figures per core can be read net of the client.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with (work / f"locust-{phase}.log").open("w") as log:
        subprocess.run([str(part) for part in command], env=phase_env, cwd=REPO, stdout=log, stderr=log, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    with (work / f"{phase}_stats.csv").open() as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    return {"rows": rows, "counts": json.loads(counts.read_text()), "counts_path": counts, "cpu": cpu}


def machine_line(opts) -> str:
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    cpu = names[0] if names else platform.processor() or "unknown"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    # Which build of Python the site runs on: the same version built by the distribution (with
    # profile-guided optimisation) or by hand can differ by a tenth or more in speed.
    interpreter = Path(sys.executable).resolve()
    return (
        f'machine: cores={os.cpu_count()} cpu="{cpu}" python={platform.python_version()} '
        f"interpreter={interpreter} gunicorn_workers={opts.workers} load_average_before={load:.2f}"
    )


class ServerCPU(threading.Thread):
    """CPU time of this run's PostgreSQL backends (those connected to its database) and of the
    Redis server, while the load runs. A backend may end before the load does (a connection older
    than CONN_MAX_AGE is closed): each is sampled every second and its last sample counts. The
    Redis server is shared with whatever else uses it, which is little beside the load."""

    def __init__(self, database: str, redis_port: int) -> None:
        super().__init__(daemon=True)
        self.database, self.redis_port = database, redis_port
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.kind: dict[int, str] = {}
        self.done = threading.Event()

    def sample(self) -> None:
        for process in psutil.process_iter(["cmdline", "name"]):
            with contextlib.suppress(psutil.Error):
                words = " ".join(process.info["cmdline"] or [])
                if words.startswith("postgres:") and f" {self.database} " in f"{words} ":
                    kind = "postgres"
                elif (process.info["name"] or "").startswith("redis-server") and f":{self.redis_port}" in words:
                    kind = "redis"
                else:
                    continue
                times = process.cpu_times()
                used = times.user + times.system
                self.first.setdefault(process.pid, used)
                self.last[process.pid] = used
                self.kind[process.pid] = kind

    def run(self) -> None:
        while not self.done.is_set():
            self.sample()
            self.done.wait(1)

    def stop(self) -> dict[str, float]:
        self.done.set()
        self.join()
        self.sample()
        used = {"postgres": 0.0, "redis": 0.0}
        for pid, last in self.last.items():
            used[self.kind[pid]] += last - self.first[pid]
        return used


def busy_cpu_seconds() -> float:
    """CPU time the whole machine has spent busy (every core, every process) since it started."""
    times = psutil.cpu_times()
    # On Linux a virtual machine's own guests are counted in user and nice already; steal is time
    # the hypervisor gave to others, and iowait is idle.
    return sum(getattr(times, name, 0.0) for name in ("user", "nice", "system", "irq", "softirq"))


def report(opts, unloaded: dict[str, dict], loaded: dict, cpu: dict[str, float]) -> int:
    """The figures; returns how many requests failed or answered 5xx."""
    rows = loaded["rows"]
    total = rows["Aggregated"]
    requests = int(total["Request Count"])
    failures = int(total["Failure Count"])
    status_5xx = loaded["counts"]["status_5xx"]
    rps = float(total["Requests/s"])
    cores = os.cpu_count() or 1
    say(
        f"load: users={opts.users} scenario={opts.scenario} duration_s={opts.duration} think_s={opts.think} "
        f"max_requests={opts.max_requests or 'none'} seconds={cpu['seconds']:.0f} "
        f"load_average_end={cpu['load_average']:.2f} requests={requests} "
        f"rps={rps:.1f} rps_per_core={rps / cores:.1f} failures={failures} status_5xx={status_5xx}"
    )
    # All requests together, sign-ins included; locust rounds times above 100 ms to two digits.
    columns = {"p50": "50%", "p90": "90%", "p95": "95%", "p99": "99%", "max": "100%"}
    say("latency: " + " ".join(f"{label}_ms={total[column]}" for label, column in columns.items()))
    # Where the machine's CPU went while the load ran. The client (locust) shares the cores with the
    # site, and on a shared machine so does other work: requests per CPU second of the web processes
    # says what Cascade costs per request when requests per second per core cannot. "other" is
    # PostgreSQL, Redis and whatever else ran on the machine meanwhile.
    web, worker, client = cpu["web"], cpu["worker"], cpu["locust"]
    other = max(0.0, cpu["machine"] - web - worker - client - cpu["postgres"] - cpu["redis"])
    say(
        f"cpu: available_cpu_s={cpu['available']:.0f} machine_busy_cpu_s={cpu['machine']:.0f} "
        f"web_cpu_s={web:.0f} worker_cpu_s={worker:.0f} postgres_cpu_s={cpu['postgres']:.0f} "
        f"redis_cpu_s={cpu['redis']:.0f} locust_cpu_s={client:.0f} other_cpu_s={other:.0f} "
        f"locust_share={client / cpu['machine'] if cpu['machine'] else 0:.0%}"
    )
    # Requests per second per core left to the site once the client's own CPU is taken away: the
    # cores locust used on average during the load are not counted as the site's.
    site_cores = cores - client / cpu["seconds"] if cpu["seconds"] else cores
    # And per CPU second of everything the site needs (gunicorn, the worker, PostgreSQL, Redis): how
    # many requests a core given to Cascade alone would answer, an estimate from the CPU measured,
    # not a measurement of such a core.
    site = web + worker + cpu["postgres"] + cpu["redis"]
    say(
        f"throughput: rps={rps:.1f} rps_per_core={rps / cores:.1f} "
        f"rps_per_core_without_locust={rps / site_cores if site_cores > 0 else float('nan'):.1f} "
        f"requests_per_web_cpu_s={requests / web if web else float('nan'):.1f} "
        f"requests_per_site_cpu_s={requests / site if site else float('nan'):.1f}"
    )
    medians = {name: row["50%"] for phase in unloaded.values() for name, row in phase["rows"].items()}
    for name, row in sorted(rows.items()):
        if name == "Aggregated":
            continue
        base = medians.get(name)
        ratio = f"{float(row['95%']) / float(base):.1f}" if base and float(base) > 0 else "n/a"
        say(
            f'endpoint: name="{name}" requests={row["Request Count"]} failures={row["Failure Count"]} '
            f"p50_ms={row['50%']} p95_ms={row['95%']} unloaded_p50_ms={base or 'n/a'} p95_over_unloaded={ratio}"
        )
    return failures + status_5xx


def main() -> int:
    opts = options()
    work = Path(tempfile.mkdtemp(prefix="cascade-load-"))
    base_url = f"http://127.0.0.1:{opts.port}"
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "DJANGO_SETTINGS_MODULE": "bench.load.settings",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": f"{opts.postgres}/{opts.database}",
        "REDIS_URL": f"{opts.redis}/{opts.redis_db}",
        "EMAIL_HOST": "127.0.0.1",  # production demands one; the load settings deliver nothing
        "ALLOWED_HOSTS": "127.0.0.1",
        "BASE_URL": base_url,
        # As behind one nginx: each simulated person sends an address of their own (locustfile.py).
        "TRUSTED_PROXY_COUNT": "1",
        "MEDIA_ROOT": str(work / "media"),
        "PRIVATE_MEDIA_ROOT": str(work / "private-media"),
        "STATIC_ROOT": str(work / "static"),
        "CASCADE_LOAD_PLAN": str(work / "plan.json"),
    }
    processes: list[subprocess.Popen] = []
    keep_logs = True  # until the run has succeeded
    say(machine_line(opts))
    try:
        redis.Redis.from_url(env["REDIS_URL"]).flushdb()  # this run's database only, never FLUSHALL
        prepare_database(opts, env)
        run([BIN / "python", HERE / "seed.py", "--plan-only", "--plan", work / "plan.json"], env)
        processes.append(
            start(
                [BIN / "celery", "-A", "lms", "worker", "-Q", "celery,certificates", "--concurrency=2",
                 "--loglevel=WARNING", "-n", f"load-{opts.port}@%h"],
                env, work / "worker.log",
            )
        )  # fmt: skip
        processes.append(
            start(
                # Production's settings (lms/gunicorn.conf.py, as docs/deploy.md starts it), on the
                # run's port; a quick stop once the load is over.
                [BIN / "gunicorn", "--config", REPO / "lms" / "gunicorn.conf.py",
                 "--bind", f"127.0.0.1:{opts.port}", "--workers", opts.workers, "--graceful-timeout", "10"],
                env, work / "gunicorn.log",
            )
        )  # fmt: skip
        wait_healthy(base_url, processes)
        worker, web = processes
        # The worker below gunicorn, as its systemd unit puts it (WORKER_NICE): a capacity run issues
        # certificates far faster than people would, and rendering them would otherwise take cores
        # from the pages being measured. Its pool's processes have started once /healthz sees it.
        prioritise(worker, opts.worker_nice)
        # Each gunicorn worker's first requests load code and fill its caches (a quiz's first start
        # takes seconds, then a tenth of that): a warm-up reaches every worker before anything is timed.
        # Short pauses, not none: a visitor without any pause makes thousands of lookups from one
        # address, and verification limits an address to 600 in ten minutes (certificates/throttle.py).
        warm = locust(
            opts, env, work, "warmup", users=max(10, 2 * opts.workers), seconds=opts.warmup, CASCADE_LOAD_THINK=0.2
        )
        phases, used = [warm], warm["counts"]["accounts_used"]
        addresses = warm["counts"]["addresses_used"]
        # One person at a time of each kind, without pauses: each endpoint's time when nothing else runs.
        unloaded = {}
        for kind in ("Learner", "Trainer", "Visitor"):
            phase = locust(
                opts, env, work, f"unloaded-{kind.lower()}", users=1, seconds=opts.unloaded, classes=[kind],
                CASCADE_LOAD_THINK=0.05, CASCADE_LOAD_FIRST_LEARNER=used, CASCADE_LOAD_FIRST_ADDRESS=addresses,
            )  # fmt: skip
            used += phase["counts"]["accounts_used"]
            addresses += phase["counts"]["addresses_used"]
            unloaded[kind] = phase
            phases.append(phase)
        servers = ServerCPU(opts.database, int(opts.redis.rsplit(":", 1)[-1]))
        servers.start()
        started = time.monotonic()
        before = {"web": cpu_seconds(web), "worker": cpu_seconds(worker), "machine": busy_cpu_seconds()}
        loaded = locust(
            opts, env, work, "load", users=opts.users, seconds=opts.duration,
            CASCADE_LOAD_THINK=opts.think, CASCADE_LOAD_FIRST_LEARNER=used, CASCADE_LOAD_FIRST_ADDRESS=addresses,
            CASCADE_LOAD_MAX_REQUESTS=opts.max_requests,
        )  # fmt: skip
        seconds = time.monotonic() - started
        cpu = {
            **servers.stop(),
            "web": cpu_seconds(web) - before["web"],
            "worker": cpu_seconds(worker) - before["worker"],
            "machine": busy_cpu_seconds() - before["machine"],
            "locust": loaded["cpu"],
            "seconds": seconds,
            "available": seconds * (os.cpu_count() or 1),
            # The last minute of the load: the run's own processes and whatever else ran beside them.
            "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan"),
        }
        errors = report(opts, unloaded, loaded, cpu)
        for phase in phases:
            errors += int(phase["rows"]["Aggregated"]["Failure Count"]) + phase["counts"]["status_5xx"]
        if loaded["counts"]["accounts_used"] + used >= opts.learners:
            say(f"note: all {opts.learners} learner accounts were used; raise --learners for a longer run")
        counts = [phase["counts_path"] for phase in (*phases, loaded)]
        # The load is over: as production's worker then has the idle cores, this one gets back its
        # share of a machine that may be busy with other work, to render what it was given in time
        # for the check.
        prioritise(worker, 0)
        checked = subprocess.run(
            # Up to five minutes for the worker's renders: a capacity run issues a certificate for
            # every learner's first round, and a machine busy with other work renders them slowly.
            [str(BIN / "python"), str(HERE / "check.py"), *map(str, counts), "--wait", "300"],
            env=env,
            cwd=REPO,
            check=False,
        )
        ok = errors == 0 and checked.returncode == 0
        keep_logs = opts.keep or not ok
        say(f"result: {'ok' if ok else 'FAILED'}" + (f" (logs in {work})" if keep_logs else ""))
        return 0 if ok else 1
    finally:
        for process in reversed(processes):
            stop(process)
        if not opts.keep:
            drop_database(opts)
            if not keep_logs:
                shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
