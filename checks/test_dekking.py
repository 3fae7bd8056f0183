"""Coverage checks per regiovisie and gemeente: the pytest report is the coverage list.

Each test id reads like `test_plan_volledig[RV-RR24-Albrandswaard]`; a failing test's
message is the list of findings for that gemeente, in plain Dutch.
"""

from __future__ import annotations

import pytest

from checks.conftest import uitkomst, uitkomst_of_fout
from hgkm.tools.report import ALGEMEEN, finding_text


def _gevallen() -> list:
    """One case per (regiovisie, gemeente with a plan); one case that fails if nothing built."""
    if isinstance(uitkomst_of_fout(), str):
        return [pytest.param("", "", id="bouw")]
    cases = []
    for matrix in uitkomst().dekking:
        for gemeente in matrix.gemeenten:
            if matrix.heeft_plan(gemeente.id):
                cases.append(
                    pytest.param(
                        matrix.regiovisie.id,
                        gemeente.title,
                        id=f"{matrix.regiovisie.id}-{gemeente.title}",
                    )
                )
    return cases


@pytest.mark.parametrize("regiovisie,gemeente", _gevallen())
def test_plan_volledig(regiovisie: str, gemeente: str) -> None:
    """The gemeente's plans under the regiovisie leave nothing uncovered or malformed."""
    fouten = [
        f
        for f in uitkomst().blokkerend
        if f.regiovisie == regiovisie and gemeente in f.gemeente.split(", ")
    ]
    if fouten:  # the message is the findings, not a Python diff
        pytest.fail("\n\n".join(finding_text(f) for f in fouten), pytrace=False)


def test_geen_algemene_fouten() -> None:
    """Findings not tied to one gemeente and regiovisie (input errors, dead links) block too."""
    fouten = [f for f in uitkomst().blokkerend if not f.gemeente or not f.regiovisie]
    if fouten:
        pytest.fail(f"{ALGEMEEN}:\n" + "\n\n".join(finding_text(f) for f in fouten), pytrace=False)
