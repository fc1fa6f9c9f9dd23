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


@pytest.fixture(scope="session")
def demo_session(tmp_path_factory):
    """The demo written once for the whole run (read-only: a test that changes files copies them)."""
    from skpkit.generator.commands.demo import run_demo

    out = tmp_path_factory.mktemp("demo-session")
    result = run_demo(out, tahun=2027, progress=False)
    return out, result


@pytest.fixture(scope="session")
def recalculated(tmp_path_factory):
    """Random workbooks (edge cases included) written by skpkit and recalculated by LibreOffice:
    [(written, plan, recalculated)], shared by the recalculation and add-in equivalence tests."""
    from skpkit.issuing import Roster
    from skpkit.generator.layout import plans_for
    from skpkit.generator.write.workbook import write_workbook
    from libreoffice import recalculate, require_libreoffice
    from skpkit.model import JenisPeriode
    from synthetic import random_fill, roster

    require_libreoffice()
    tmp = tmp_path_factory.mktemp("recalc")
    # 533 pegawai-periods (the README promises at least 500); seed 3 holds every angka kredit case (a jenjang
    # at the top, a shortfall of 0, a TMT in the year)
    people = roster(65, unit_size=13, seed=3)
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

    out = tmp_path_factory.mktemp("demo-full")
    run_demo(out, tahun=2027, periods_filled=4, progress=False)
    return out
