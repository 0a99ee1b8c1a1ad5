"""The engine: versions by date, broken rules, the trace, the agenda, batches."""

from __future__ import annotations

from datetime import date

import pytest

from finsam_core import (
    KARNREGELVERK,
    Allvarlighet,
    Bedomning,
    Regelfel,
    Remiss,
    Utslag,
    agenda,
    forklara,
    tackning,
    validera,
    validera_alla,
)
from finsam_core.regler.byggstenar import frist_efter, handelser
from finsam_core.regler.kalender import dagar, veckor
from finsam_core.regler.regel import Kontext

from .regelhjalp import KALLA, arende, egna, regel, regelverk

REMISS = {"typ": "remiss", "datum": "2025-03-03", "fran": "af", "till": "fk"}
SVAR = frist_efter(handelser(Remiss), handelser(Remiss), veckor(2), vad="svar")


def _versioner() -> tuple:
    # v1: two weeks until 2024-12-31; v2: ten days from 2025-01-01.
    v1 = regel(
        frist_efter(
            handelser(Remiss),
            handelser(Remiss, lambda h, vy: h.till == "af"),
            veckor(2),
            vad="svar",
        ),
        giltig_till=date(2024, 12, 31),
    )
    v2 = regel(
        frist_efter(
            handelser(Remiss),
            handelser(Remiss, lambda h, vy: h.till == "af"),
            dagar(10),
            vad="svar",
        ),
        giltig_fran=date(2025, 1, 1),
    )
    return v1, v2


class TestVersioner:
    @pytest.mark.parametrize(
        ("remissdag", "frist"),
        [("2024-12-31", date(2025, 1, 14)), ("2025-01-01", date(2025, 1, 11))],
    )
    def test_versionen_valjs_efter_den_bedomda_handelsens_datum(
        self, remissdag: str, frist: date
    ) -> None:
        fall = arende([dict(REMISS, datum=remissdag)])
        resultat = validera(fall, regelverk(*_versioner()), date(2025, 6, 1))
        assert [f.frist for f in resultat.fynd] == [frist]

    def test_overlappande_versioner_ar_fel(self) -> None:
        v1, v2 = _versioner()
        v3 = regel(SVAR, giltig_fran=date(2024, 6, 1), giltig_till=date(2025, 6, 1))
        with pytest.raises(Regelfel, match="två versioner av TEST-01 gäller samtidigt"):
            regelverk(v1, v3)
        assert regelverk(v1, v2).regel_id == ("TEST-01",)

    def test_version_utanfor_ar_ej_tillamplig_i_forklaringen(self) -> None:
        v1, _ = _versioner()
        fall = arende([dict(REMISS, datum="2025-02-01")])
        (post,) = egna(forklara(fall, regelverk(v1), date(2025, 6, 1)))
        assert post.utslag is Utslag.EJ_TILLAMPLIG


def test_tackningshjalpen_hittar_luckor_och_overlapp() -> None:
    v1, v2 = _versioner()
    assert tackning([v1, v2], date(2024, 1, 1), date(2026, 12, 31)) == []
    sen = regel(SVAR, giltig_fran=date(2025, 2, 1))
    (lucka,) = tackning([v1, sen], date(2024, 1, 1), date(2026, 12, 31))
    assert (lucka.slag, lucka.fran, lucka.till) == ("lucka", date(2025, 1, 1), date(2025, 1, 31))
    bred = regel(SVAR, giltig_fran=date(2024, 12, 1))
    (overlapp,) = tackning([v1, bred], date(2024, 1, 1), date(2026, 12, 31))
    assert (overlapp.slag, overlapp.fran, overlapp.till) == (
        "overlapp",
        date(2024, 12, 1),
        date(2024, 12, 31),
    )
    assert str(overlapp) == "TEST-01 har flera versioner 2024-12-01–2024-12-31"
    assert tackning(KARNREGELVERK.regler, date(2020, 1, 1), date(2030, 1, 1)) == []


def test_regel_som_kastar_blir_ett_fel_och_resten_kors() -> None:
    def trasig(ctx: Kontext) -> None:
        raise ZeroDivisionError("division med noll")

    def hittar(ctx: Kontext) -> None:
        ctx.fynd("hittade något")

    rv = regelverk(regel(trasig, id="TEST-01"), regel(hittar, id="TEST-02"))
    resultat = validera(arende([]), rv, date(2025, 1, 1))
    trasigt, hittat = resultat.fynd
    assert (trasigt.regel, trasigt.allvarlighet, trasigt.bedomning) == (
        "TEST-01",
        Allvarlighet.FEL,
        Bedomning.REGELFEL,
    )
    assert (
        "regeln TEST-01 i regelverket test kunde inte köras: ZeroDivisionError"
        in trasigt.meddelande
    )
    assert hittat.regel == "TEST-02"


def test_varje_regel_borjar_med_en_tom_kontext() -> None:
    # `validera` runs a case's rules in one context, made ready for each rule: nothing a
    # rule reported, recorded or counted may reach the next one, whether it raised or not.
    sett: list[tuple[str, dict[str, object], bool, bool]] = []

    def ser(ctx: Kontext) -> None:
        tomt = Kontext(ctx.vy, ctx.regel, ctx.regelverk, ctx.datum, False)
        faltet = {
            namn: getattr(ctx, namn)
            for namn in Kontext.__slots__
            if namn not in ("regel", "_regelverk", "_granser")
            and getattr(ctx, namn) != getattr(tomt, namn)
        }
        sett.append((ctx.regel.id, faltet, ctx.galler(date(2024, 6, 1)), ctx.forklarar))

    def rapporterar(ctx: Kontext) -> None:
        ser(ctx)
        ctx.fynd("första regelns fynd")
        ctx.ej_bedomd("något saknas")
        ctx._fakta.append(("namn", "värde"))  # as `forklara` would keep it
        ctx.ej_tillamplig("gäller inte")
        ctx.galler(date(2025, 1, 1))
        ctx.galler(date(2020, 1, 1))

    def kastar(ctx: Kontext) -> None:
        rapporterar(ctx)
        raise ValueError("trasig")

    rv = regelverk(
        regel(rapporterar, id="TEST-01"),
        regel(kastar, id="TEST-02", giltig_fran=date(2025, 1, 1)),
        regel(ser, id="TEST-03"),
    )
    resultat = validera(arende([]), rv, date(2025, 6, 1))
    assert [(f.regel, f.bedomning) for f in resultat.fynd if f.regel.startswith("TEST")] == [
        ("TEST-01", Bedomning.BROTT),
        ("TEST-01", Bedomning.EJ_BEDOMD),
        ("TEST-02", Bedomning.REGELFEL),
    ]
    assert [s for s in sett if s[0].startswith("TEST")] == [
        ("TEST-01", {}, True, False),
        ("TEST-02", {}, False, False),
        ("TEST-03", {}, True, False),
    ]


def test_regel_och_regelverk_kontrolleras() -> None:
    with pytest.raises(Regelfel, match="ogiltigt regel-id"):
        regel(SVAR, id="sofint-7")
    with pytest.raises(Regelfel, match="ogiltigt regelverks-id"):
        regelverk(regel(SVAR)).__class__(id="SOFINT", namn="x", agare="x", version="1", regler=())
    with pytest.raises(Regelfel, match="slutar gälla innan"):
        regel(SVAR, giltig_fran=date(2025, 1, 2), giltig_till=date(2025, 1, 1))


def test_forklaring_visar_varje_regel_med_utslag_och_fakta() -> None:
    def ej_tillamplig(ctx: Kontext) -> None:
        ctx.ej_tillamplig("inget att bedöma")

    def ej_bedomd(ctx: Kontext) -> None:
        ctx.ej_bedomd("födelsedatum saknas")

    rv = regelverk(
        regel(SVAR, id="TEST-01"),
        regel(ej_tillamplig, id="TEST-02"),
        regel(ej_bedomd, id="TEST-03"),
        regel(
            frist_efter(
                handelser(Remiss),
                handelser(Remiss, lambda h, vy: h.till == "af"),
                veckor(2),
                vad="svar",
            ),
            id="TEST-04",
        ),
    )
    forklaring = forklara(arende([REMISS]), rv, date(2025, 6, 1))
    utslag = [(p.regel.id, p.utslag) for p in egna(forklaring)]
    assert utslag == [
        ("TEST-01", Utslag.UPPFYLLD),  # the remiss itself counts as the answer here
        ("TEST-02", Utslag.EJ_TILLAMPLIG),
        ("TEST-03", Utslag.EJ_BEDOMD),
        ("TEST-04", Utslag.FYND),
    ]
    fakta = dict(egna(forklaring)[0].fakta)
    assert fakta["remiss 2025-03-03: frist"] == date(2025, 3, 17)
    assert egna(forklaring)[1].orsak == "inget att bedöma"
    assert egna(forklaring)[0].regel.kalla == KALLA


def test_agenda_sorterar_oppna_frister() -> None:
    block = frist_efter(
        handelser(Remiss), handelser(Remiss, lambda h, vy: h.till == "af"), veckor(2), vad="svar"
    )
    rv = regelverk(regel(block))
    senare = arende([dict(REMISS, datum="2025-03-10")], id="B")
    tidigare = arende([REMISS], id="A")
    sen = arende([dict(REMISS, datum="2025-01-01")], id="C")  # passed: a fel, not agenda
    resultat = [validera(a, rv, date(2025, 3, 12)) for a in (senare, tidigare, sen)]
    poster = agenda(resultat)
    assert [(p.arende_id, p.frist) for p in poster] == [
        ("A", date(2025, 3, 17)),
        ("B", date(2025, 3, 24)),
    ]
    assert [p.arende_id for p in agenda(resultat, inom_dagar=5)] == ["A"]
    assert [p.arende_id for p in agenda(resultat, inom_dagar=4)] == []


def test_validera_alla_med_flera_processer_ger_samma_ordning() -> None:
    rv = regelverk(
        regel(
            frist_efter(
                handelser(Remiss),
                handelser(Remiss, lambda h, vy: h.till == "af"),
                veckor(2),
                vad="svar",
            )
        )
    )
    fall = [arende([dict(REMISS, datum=f"2025-03-{d:02d}")], id=f"A{d}") for d in range(1, 29)]
    fall = fall * 10
    sekventiell = list(validera_alla(iter(fall), rv, date(2025, 3, 20)))
    parallell = list(validera_alla(iter(fall), rv, date(2025, 3, 20), processer=2))
    assert parallell == sekventiell
    assert len(parallell) == 280
    assert {r.fynd[0].allvarlighet for r in parallell} == {Allvarlighet.FEL, Allvarlighet.INFO}


def test_resultat_som_dict() -> None:
    rv = regelverk(regel(SVAR))
    data = validera(arende([REMISS]), rv, date(2025, 6, 1)).till_dict()
    # core's rules always run, first
    assert data == {"id": "T-1", "regelverk": ["finsam", "test"], "datum": "2025-06-01", "fynd": []}


def test_arendevy_hittar_underklasser_till_en_handelsetyp() -> None:
    from attrs import frozen

    from finsam_core import Handelse, Individ, hitta_kommun
    from finsam_core.model.arende import Arende
    from finsam_core.regler.regel import Arendevy

    @frozen
    class Egenremiss(Remiss):
        """A plugin's subclass of an event type."""

    handelser: tuple[Handelse, ...] = (
        Egenremiss(date(2025, 2, 1), "individen", "af"),
        Remiss(date(2025, 1, 1), "fk", "af"),
    )
    vy = Arendevy(Arende("A", Individ(hitta_kommun("Eda")), handelser=handelser))
    assert [i for i, _ in vy.av_typ(Remiss)] == [1, 0]
    assert [i for i, _ in vy.av_typ(Egenremiss)] == [0]
    assert [i for i, _ in vy.av_typ(Handelse)] == [1, 0]
    from finsam_core import Avslut

    assert vy.av_typ(Avslut) == []


def test_forklaringen_visar_regel_som_kastar() -> None:
    def trasig(ctx: Kontext) -> None:
        raise ValueError("oväntat")

    (post,) = egna(forklara(arende([]), regelverk(regel(trasig)), date(2025, 1, 1)))
    assert post.utslag is Utslag.REGELFEL
    assert post.orsak == "oväntat"
    (fynd,) = post.fynd
    assert fynd.bedomning is Bedomning.REGELFEL
    assert fynd.meddelande.endswith("kunde inte köras: ValueError: oväntat")


def test_ankare_for_forsta_traff_ej_tillamplig_och_version() -> None:
    from finsam_core.regler.byggstenar import ankare_for

    def kontroll(ctx: Kontext) -> None:
        traff = ankare_for(ctx, handelser(Remiss), saknas="ingen remiss")
        if traff is not None:
            ctx.fynd(f"ankare {traff.datum}")

    rv = regelverk(regel(kontroll, giltig_fran=date(2025, 1, 1)))
    tva = arende([REMISS, dict(REMISS, datum="2025-02-01")])
    (post,) = egna(forklara(tva, rv, date(2025, 6, 1)))
    assert [f.meddelande for f in post.fynd] == ["ankare 2025-02-01"]  # the first by date
    (post,) = egna(forklara(arende([]), rv, date(2025, 6, 1)))
    assert (post.utslag, post.orsak) == (Utslag.EJ_TILLAMPLIG, "ingen remiss")
    gammal = arende([dict(REMISS, datum="2024-12-31")])
    (post,) = egna(forklara(gammal, rv, date(2025, 6, 1)))
    assert post.utslag is Utslag.EJ_TILLAMPLIG
    assert post.fynd == ()
