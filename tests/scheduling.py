"""How xdist shares the tests between its processes (tests/conftest.py installs it).

xdist's default hands tests out a few at a time, so both processes run some tests of almost every
module: a module whose tests share an expensive module-scoped fixture (the seeded demo of
tests/lms, a world built once, a subprocess run once) pays for it in both, and the browser tests'
package fixtures (Chromium, a database of their own, a live server) are set up twice. Here a
module's tests stay together on one process, and the browser tests all on one; the longest groups
go first so that the two processes finish at about the same time, the small ones filling in at
the end.
"""

from xdist.scheduler import LoadScopeScheduling

# Packages whose tests share package-scoped fixtures: each goes to one process whole.
PACKAGES_TOGETHER = ("tests/browser",)
# The groups that take longest (the browser tests' minutes; modules of many tests that each build a
# world, or of subprocess runs), about longest first as the last CI run measured them; they are
# sent first, and everything else follows in the order pytest-django sorts it. Only an ordering
# hint: a group missing from the run, or a new long one, changes nothing but the balance.
LONGEST_FIRST = (
    "tests/browser",
    "tests/reports/test_query_counts.py",
    "tests/certificates/test_scoping.py",
    "tests/courses/test_scoping.py",
    "tests/assessments/test_answer_validation.py",
    "tests/assessments/test_scoping.py",
    "tests/certificates/test_worker.py",
    "tests/lms/test_api_fuzz.py",
    "tests/bench/test_bench_runs.py",
    "tests/lms/test_mn_crawl.py",
    "tests/cohorts/test_practical.py",
    "tests/cohorts/test_pages.py",
    "tests/cohorts/test_scoping.py",
    "tests/lms/test_production_settings.py",
    "tests/bench/test_load_runs.py",
)


class ModulesTogether(LoadScopeScheduling):
    def _split_scope(self, nodeid: str) -> str:
        path = nodeid.split("::", 1)[0]
        for package in PACKAGES_TOGETHER:
            if path.startswith(package + "/"):
                return package
        return path

    def schedule(self) -> None:
        assert self.collection_is_completed
        if self.collection is not None:
            for node in self.nodes:
                self._reschedule(node)
            return
        if not self._check_nodes_have_same_collection():
            self.log("**Different tests collected, aborting run**")
            return
        self.collection = list(next(iter(self.registered_collections.values())))
        if not self.collection:
            return

        groups: dict[str, dict[str, bool]] = {}
        for nodeid in self.collection:
            groups.setdefault(self._split_scope(nodeid), {})[nodeid] = False
        rank = {scope: index for index, scope in enumerate(LONGEST_FIRST)}
        # sorted() is stable: the rest keep pytest-django's order (database tests, then the
        # transactional ones, then those without a database).
        for scope in sorted(groups, key=lambda scope: rank.get(scope, len(rank))):
            self.workqueue[scope] = groups[scope]

        for _ in range(len(self.nodes) - len(self.workqueue)):
            unused, _assigned = self.assigned_work.popitem()
            unused.shutdown()
        for node in self.nodes:
            self._assign_work_unit(node)
