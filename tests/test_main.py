"""``python -m finsam_core``: reads cases, reports input errors, exit 2 on bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import EXEMPEL


def _kor(*argument: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "finsam_core", *argument],
        input=stdin,
        capture_output=True,
        check=False,
    )


def test_eda_exemplen_las_in() -> None:
    resultat = _kor(str(EXEMPEL / "eda"))
    assert resultat.returncode == 0
    assert "4 av 4 ärenden inlästa" in resultat.stdout.decode()


def test_felaktig_indata_ger_2_utan_traceback(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("format: finsam/1\nid: A\nindivid: {kommun: Gotham}\n")
    resultat = _kor(str(tmp_path / "a.yaml"), "-", stdin=b"{\n")
    ut = resultat.stdout.decode()
    assert resultat.returncode == 2
    assert "a.yaml:3: individ.kommun: okänd kommun 'Gotham'" in ut
    assert "<stdin>:1: rad 1: ogiltig JSON" in ut
    assert "Traceback" not in ut + resultat.stderr.decode()
