"""Property tests for hostile input (issue 18), with hypothesis: mutated example cases through
every command that reads cases, in every output format.

Kept to a few seconds in the default run (``FINSAM_FUZZ_EXEMPEL``, default 25 examples per
test, raises it). The long campaign in real processes, which also catches signals and
measures time and memory per run, is ``benchmarks/fientlig.py``.
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from finsam_core.cli.app import finsam
from finsam_core.model import utskrift
from finsam_core.model.utskrift import sakra

from .mutationer import PNR, exempelfall, lacker, mutera

EXEMPELFALL = exempelfall()
ANTAL = int(os.environ.get("FINSAM_FUZZ_EXEMPEL", "25"))
KOMMANDON = [
    ("validate", "-o", "text"),
    ("validate", "-o", "json"),
    ("validate", "-o", "jsonl"),
    ("agenda", "-o", "text"),
    ("agenda", "-o", "json"),
    ("explain", "-o", "text"),
    ("explain", "-o", "json"),
    ("arenor", "-o", "text"),
    ("arenor", "-o", "json"),
    ("rapport", "deltagare", "-o", "text"),
    ("rapport", "deltagare", "-o", "json"),
    ("rapport", "deltagare", "-o", "csv"),
    ("rapport", "deltagare", "-o", "html"),
]

INSTALLNINGAR = settings(
    max_examples=ANTAL,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@INSTALLNINGAR
@given(
    fall=st.sampled_from(EXEMPELFALL),
    fro=st.integers(0, 2**32),
    kommando=st.sampled_from(KOMMANDON),
)
def test_muterat_arende_lacker_inte_och_kraschar_inte(
    tmp_path_factory: pytest.TempPathFactory,
    fall: dict[str, object],
    fro: int,
    kommando: tuple[str, ...],
) -> None:
    text, filtyp = mutera(fall, random.Random(fro))
    fil = Path(tmp_path_factory.mktemp("fuzz")) / f"{PNR}{filtyp}"
    fil.write_text(text, errors="surrogatepass")
    resultat = CliRunner().invoke(
        finsam, [*kommando, "--datum", "2025-06-01", str(fil)], catch_exceptions=True
    )
    utdata = resultat.stdout + resultat.stderr
    assert resultat.exception is None or isinstance(resultat.exception, SystemExit), utdata
    assert resultat.exit_code in (0, 1, 2), utdata
    assert "Traceback" not in utdata
    assert not lacker(utdata), utdata


@settings(max_examples=ANTAL * 8, deadline=None)
@given(
    fore=st.text(max_size=5),
    efter=st.text(max_size=5),
    form=st.sampled_from(
        ["19900515-2385", "199005152385", "900515-2385", "9005152385", "900515+2385"]
    ),
)
def test_sakra_lamnar_aldrig_numret(fore: str, efter: str, form: str) -> None:
    """Whatever characters surround the number, `sakra` output never holds it, and holds
    no line break or other non-printable character."""
    ut = sakra(fore + form + efter)
    assert not lacker(ut)
    assert all(t.isprintable() or t == " " for t in ut)


_SIFFERTEXT = st.lists(
    st.sampled_from(
        ["9", "99", "990412", "9904122380", "-", "+", " ", "ä", "–", "\n", "\xa0", "١٢٣", "４"]
    ),
    max_size=12,
).map("".join) | st.text(max_size=40)


@settings(max_examples=ANTAL * 8, deadline=None)
@given(text=_SIFFERTEXT)
def test_maskering_med_forkontroll_som_utan(text: str) -> None:
    """The shortcuts of `maskera_text` and `sakra` (a check that rules out a number before
    the regular expression runs; one masking pass for printable text) mask exactly as the
    plain passes do."""
    utan = utskrift._KEDJA.sub(utskrift._maskera_kedja, text)
    assert utskrift.maskera_text(text) == utan
    hela = utskrift._KEDJA.sub(
        utskrift._maskera_kedja, utskrift.escapa(utskrift._KEDJA.sub(utskrift._maskera_kedja, text))
    )
    assert sakra(text, None) == hela


def test_forkontrollen_raknar_varje_siffra() -> None:
    """Every character the masking pattern takes for a digit counts as one in the check
    that rules texts out (whatever Unicode version this Python has)."""
    siffra = re.compile(r"\d")
    missade = [
        hex(kod)
        for kod in range(sys.maxunicode + 1)
        if siffra.match(chr(kod)) and not utskrift._kan_ha_kedja(chr(kod) * 10)
    ]
    assert missade == []
