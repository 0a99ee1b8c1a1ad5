"""The pytest plugin collects YAML rule tests only where a project opts in (issue 9, item 7)."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

REGELTEST = """\
- namn: ett test
  regelverk: [finsam]
  datum: 2025-06-01
  arende:
    format: finsam/1
    id: T-1
    individ: {kommun: Eda}
  forvantat: {fel: []}
"""


def test_utan_ini_samlas_inget_in(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", test_annat="- namn: x\n  forvantat: 1\n")
    pytester.makefile(".yaml", test_regler=REGELTEST)
    resultat = pytester.runpytest()
    assert resultat.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_med_ini_samlas_regeltester_in(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nfinsam_regeltester = true\n")
    pytester.makefile(".yaml", test_regler=REGELTEST)
    pytester.makefile(".yaml", test_annat="nycklar: [1, 2]\n")  # not rule tests
    resultat = pytester.runpytest()
    resultat.assert_outcomes(passed=1)
