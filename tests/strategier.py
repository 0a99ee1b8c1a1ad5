"""Hypothesis strategies for whole, valid cases with core codes."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from finsam_core import (
    KARNKODVERK,
    Arende,
    Aterkoppling,
    Avslut,
    Begransning,
    Beslut,
    Forlangning,
    Forsorjning,
    Individ,
    Inriktning,
    Insats,
    Inskrivning,
    Intyg,
    Kartlaggning,
    Kodslag,
    Kontakt,
    Lagrum,
    Ledighet,
    Manad,
    Mote,
    Personnummer,
    Plan,
    Remiss,
    Samtycke,
    alla_kommuner,
)
from finsam_core.model import Omstandighetsperiod

datum = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
fodelsedag = st.dates(min_value=date(1920, 1, 1), max_value=date(1989, 12, 31))
"""Before every event date, as a case requires."""
enhet = st.sampled_from(list(KARNKODVERK.enheter))
text = st.text(min_size=1, max_size=30)
besked = st.sampled_from(["provning", "aktiv_planering_af", "nej", "steg_2"])


def kod(slag: Kodslag) -> st.SearchStrategy[str]:
    return st.sampled_from(list(KARNKODVERK.lista(slag)))


def _luhn_siffra(nio: str) -> str:
    summa = 0
    for i, tecken in enumerate(nio):
        n = int(tecken) * (2 if i % 2 == 0 else 1)
        summa += n - 9 if n > 9 else n
    return str((10 - summa % 10) % 10)


@st.composite
def personnummer(draw: st.DrawFn) -> Personnummer:
    fodd = draw(fodelsedag)
    samordning = draw(st.booleans())
    dag = fodd.day + (60 if samordning else 0)
    nummer = draw(st.integers(min_value=1, max_value=999))  # 000 is never issued
    nio = f"{fodd:%y%m}{dag:02d}{nummer:03d}"
    return Personnummer(f"{fodd.year // 100:02d}{nio}{_luhn_siffra(nio)}")


@st.composite
def period(draw: st.DrawFn) -> tuple[date, date | None]:
    start = draw(datum)
    slut = draw(st.none() | st.dates(min_value=start, max_value=date(2035, 12, 31)))
    return start, slut


@st.composite
def forsorjning(draw: st.DrawFn) -> Forsorjning:
    start, slut = draw(period())
    return Forsorjning(draw(kod(Kodslag.FORSORJNINGSTYP)), start, slut)


@st.composite
def omstandighetsperiod(draw: st.DrawFn) -> Omstandighetsperiod:
    fran, till = draw(period())
    return Omstandighetsperiod(draw(kod(Kodslag.OMSTANDIGHET)), fran, till)


@st.composite
def individ(draw: st.DrawFn) -> Individ:
    pnr = draw(st.none() | personnummer())
    fodelsedatum = None
    if pnr is not None and draw(st.booleans()):
        fodelsedatum = pnr.fodelsedatum
    elif pnr is None:
        fodelsedatum = draw(st.none() | fodelsedag)
    return Individ(
        kommun=draw(st.sampled_from(alla_kommuner())),
        personnummer=pnr,
        fodelsedatum=fodelsedatum,
        kon=draw(st.none() | kod(Kodslag.KON)),
        forsorjning=tuple(draw(st.lists(forsorjning(), max_size=2))),
        kontakter=tuple(draw(st.lists(enhet, max_size=3))),
        omstandigheter=tuple(draw(st.lists(kod(Kodslag.OMSTANDIGHET), max_size=3))),
        kommundel=draw(st.none() | text),
        omstandighetsperioder=tuple(draw(st.lists(omstandighetsperiod(), max_size=2))),
    )


@st.composite
def samtycke(draw: st.DrawFn) -> Samtycke:
    given = draw(datum)
    return Samtycke(
        datum=given,
        parter=tuple(draw(st.lists(enhet, min_size=2, max_size=4, unique=True))),
        form=draw(kod(Kodslag.SAMTYCKESFORM)),
        omfattning=tuple(draw(st.lists(kod(Kodslag.OMFATTNING), max_size=3))),
        giltigt_till=draw(st.none() | st.dates(min_value=given, max_value=date(2036, 1, 1))),
        aterkallat=draw(st.none() | datum),
        inhamtat_av=draw(st.none() | enhet),
    )


lagrum = st.sampled_from(
    [
        Lagrum.tolka(t)
        for t in (
            "SoL 4:1",
            "SoL 4:4",
            "SoL 12:1",
            "SoL 12:4",
            "SoL 5:1",
            "9 § LSS",
            "SFB 27 kap. 2 §",
        )
    ]
)


@st.composite
def ledighet(draw: st.DrawFn) -> Ledighet:
    start = draw(datum)
    return Ledighet(start, draw(st.dates(min_value=start, max_value=date(2036, 1, 1))))


handelse = st.one_of(
    st.builds(
        Remiss,
        datum,
        st.sampled_from([*KARNKODVERK.enheter, "individen"]),
        enhet,
        st.none() | text,
    ),
    st.builds(Beslut, datum, enhet, lagrum, st.none() | text),
    st.builds(
        Mote, datum, kod(Kodslag.MOTESTYP), st.lists(enhet, max_size=3).map(tuple), st.booleans()
    ),
    st.builds(Kontakt, datum, enhet),
    st.builds(Aterkoppling, datum, enhet, enhet, st.none() | besked, st.none() | text),
    st.builds(Inskrivning, datum, enhet),
    st.builds(
        Intyg,
        datum,
        kod(Kodslag.INTYGSTYP),
        enhet,
        enhet,
        st.builds(Manad, st.integers(1990, 2035), st.integers(1, 12)),
    ),
    st.builds(Forlangning, datum, text, datum),
    ledighet(),
    st.builds(Avslut, datum, kod(Kodslag.UTFALL), st.none() | st.booleans()),
)


@st.composite
def kartlaggning(draw: st.DrawFn) -> Kartlaggning:
    klar = draw(datum)
    return Kartlaggning(
        datum=klar,
        parter=tuple(draw(st.lists(enhet, min_size=1, max_size=3))),
        start=draw(st.none() | st.dates(min_value=date(1990, 1, 1), max_value=klar)),
        typ=draw(st.none() | kod(Kodslag.KARTLAGGNINGSTYP)),
        samtal=draw(st.none() | st.integers(0, 12)),
        inriktning=draw(st.none() | st.sampled_from(Inriktning)),
        begransningar=tuple(
            draw(st.lists(st.builds(Begransning, enhet, kod(Kodslag.SKAL)), max_size=2))
        ),
    )


@st.composite
def insats(draw: st.DrawFn) -> Insats:
    start, slut = draw(period())
    return Insats(
        draw(kod(Kodslag.INSATSTYP)),
        draw(enhet),
        start,
        slut,
        draw(st.none() | st.sampled_from(Inriktning)),
    )


plan = st.builds(
    Plan,
    kod(Kodslag.PLANTYP),
    datum,
    st.lists(enhet, max_size=3).map(tuple),
    st.none() | enhet,
    st.none() | kod(Kodslag.PLANSTATUS),
    st.none() | st.booleans(),
)

arende = st.builds(
    Arende,
    id=st.text(min_size=1, max_size=100),
    individ=individ(),
    regelverk=st.lists(st.sampled_from(["sofint", "eda", "umea"]), max_size=2).map(tuple),
    samtycken=st.lists(samtycke(), max_size=2).map(tuple),
    handelser=st.lists(handelse, max_size=8).map(tuple),
    kartlaggningar=st.lists(kartlaggning(), max_size=2).map(tuple),
    insatser=st.lists(insats(), max_size=2).map(tuple),
    planer=st.lists(plan, max_size=2).map(tuple),
)
