import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


import pytest  # noqa: E402

from skpkit import i18n  # noqa: E402

# As the skp entry point does before it imports the commands: the language of the run (Bahasa Indonesia),
# with click's own messages bound to skpkit's catalogs.
i18n.use(i18n.DEFAULT)


def _once(tmp_path_factory, name: str, make):
    """``make(folder)`` run once for the whole test run, whichever pytest-xdist worker asks first; the others
    wait for it and get the same (pickled) value. What it writes is read-only for the tests."""
    import pickle

    from filelock import FileLock

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, shared by the workers
    folder, done = root / f"once-{name}", root / f"once-{name}.pickle"
    with FileLock(str(root / f"once-{name}.lock")):
        if done.exists():
            return pickle.loads(done.read_bytes())
        folder.mkdir(exist_ok=True)
        value = make(folder)
        done.write_bytes(pickle.dumps(value))
        return value


@pytest.fixture(scope="session")
def demo_session(tmp_path_factory):
    """The demo written once for the whole run (read-only: a test that changes files copies them)."""
    from skpkit.generator.commands.demo import run_demo

    return _once(tmp_path_factory, "demo", lambda out: (out, run_demo(out, tahun=2027, progress=False)))


@pytest.fixture(scope="session")
def demo(demo_session):
    """The demo's folder (``demo_session``'s first half)."""
    return demo_session[0]


@pytest.fixture(scope="session")
def recalculated(tmp_path_factory):
    """Random workbooks (edge cases included) written by skpkit and recalculated by LibreOffice:
    [(written, plan, recalculated)], shared by the recalculation and add-in equivalence tests."""
    from libreoffice import require_libreoffice

    require_libreoffice()
    return _once(tmp_path_factory, "recalc", _recalculated)


def _recalculated(tmp):
    from dataclasses import replace

    from skpkit.issuing import Roster
    from skpkit.generator.layout import plans_for
    from skpkit.generator.write.workbook import write_workbook
    from libreoffice import recalculate
    from skpkit.model import JenisPeriode
    from synthetic import random_fill, roster

    # 533 pegawai-periods (the README promises at least 500); seed 3 holds every angka kredit case (a jenjang
    # at the top, a TMT in the year, a TMT after it: the year not rated) and joining and leaving the unit;
    # Pegawai 10 (Ahli, rated for the year) carries enough AK for a shortfall of 0
    people = roster(65, unit_size=13, seed=3)
    people[10] = replace(people[10], ak_awal_pangkat=1000.0, ak_awal_jenjang=1000.0)
    plans = []
    for k, (stem, plan) in enumerate(plans_for(Roster(people), tahun=2027, instansi="Uji")):
        if k % 3 == 2:
            plan.jenis_periode = JenisPeriode.BULANAN
        random_fill(plan, seed=k)
        path = tmp / f"{stem}.xlsx"
        write_workbook(plan, path)
        plans.append((path, plan))
    out = recalculate([p for p, _ in plans], tmp / "lo")
    return [(path, plan, lo) for (path, plan), lo in zip(plans, out)]


@pytest.fixture(scope="session")
def demo_full_session(tmp_path_factory):
    """The demo with all four quarters filled (the year rated), written once (read-only)."""
    from skpkit.generator.commands.demo import run_demo

    def make(out):
        run_demo(out, tahun=2027, periods_filled=4, progress=False)
        return out

    return _once(tmp_path_factory, "demo-full", make)
