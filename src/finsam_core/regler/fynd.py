"""Findings (`Fynd`): what validation reports, exactly as the case format specifies.

Each finding names its rule (``SOFINT-07``), its severity, a Swedish message with the dates
and numbers it is about, its source (`Kalla`: document, section and the quoted sentence),
and optionally the path in the case and the due date.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

from attrs import field, frozen

from finsam_core.model.utskrift import sakker_sokvag, sakra


class Allvarlighet(enum.Enum):
    """Severity. ``fel`` breaks a "ska", ``varning`` a "bör"/"normalt", ``info`` is an
    upcoming deadline or a note (including "could not judge")."""

    FEL = "fel"
    VARNING = "varning"
    INFO = "info"

    @property
    def rang(self) -> int:
        """0 for fel, 1 for varning, 2 for info: sort key, most serious first."""
        return _RANG[self]


_RANG = {Allvarlighet.FEL: 0, Allvarlighet.VARNING: 1, Allvarlighet.INFO: 2}


@frozen
class Kalla:
    """The source a rule implements: document file name, section, and the quoted sentence.

    >>> str(Kalla("004_8ef7852e647e2221.txt", "Bilaga I, 3", "Svar ska skickas …"))
    '004_8ef7852e647e2221.txt, Bilaga I, 3'
    """

    dokument: str
    avsnitt: str
    citat: str = ""
    titel: str = ""
    """The document's title as a reader knows it (``dokument`` is its file name)."""
    kalldokument: Dokument | None = field(default=None, eq=False, repr=False)
    """The document with its metadata and shipped text, where the rule set names one."""

    def __str__(self) -> str:
        return f"{self.dokument}, {self.avsnitt}"

    @property
    def lasbar(self) -> str:
        """The source as a caseworker reads it: the document's title and the section.

        >>> Kalla("004_8ef7852e647e2221.txt", "Bilaga I, 3", titel="SOFINT: Plan för insats").lasbar
        'SOFINT: Plan för insats, Bilaga I, 3'
        >>> Kalla("Socialtjänstlag (2025:400)", "Övergångsbestämmelser").lasbar
        'Socialtjänstlag (2025:400), Övergångsbestämmelser'
        """
        return f"{self.titel or self.dokument}, {self.avsnitt}"

    def till_dict(self) -> dict[str, str]:
        """``{"dokument", "titel", "avsnitt", "citat"}``."""
        return {
            "dokument": self.dokument,
            "titel": self.titel,
            "avsnitt": self.avsnitt,
            "citat": self.citat,
        }


@frozen
class Dokument:
    """A source document a rule set cites: its file name, title and what a reader needs to
    find it (owner, decision, date, public address), and the package that ships its text.

    A rule set names its document once and quotes it per rule:

    >>> PLAN = Dokument("004_8ef7852e647e2221.txt", "Plan för insats – Samverkansteamet")
    >>> PLAN.kalla("4.1 Målgrupp", "…i åldrarna 18-29 år").avsnitt
    '4.1 Målgrupp'

    With ``paket``, the text is read from ``kallor/<fil>`` inside that package (package
    data), so ``finsam källa`` can show the paragraph a rule quotes.
    """

    fil: str
    titel: str = ""
    agare: str = ""
    """Who decided or published it (``Eda kommun, kommunstyrelsen``)."""
    beslut: str = ""
    """The decision that adopted it (``KS 2019-06-25 § 34``)."""
    datum: str = ""
    """Its date or the date of its latest revision, as the document gives it."""
    url: str = ""
    """A public address, where there is one."""
    paket: str = ""
    """The Python package that ships the text as ``kallor/<fil>``; empty if not shipped."""

    def kalla(self, avsnitt: str, citat: str) -> Kalla:
        """The source of one rule: a section of this document and the quoted sentence."""
        return Kalla(self.fil, avsnitt, citat, titel=self.titel, kalldokument=self)

    def text(self) -> str | None:
        """The shipped text, or None if the rule set does not ship it."""
        if not self.paket:
            return None
        from importlib import resources

        try:
            fil = resources.files(self.paket).joinpath("kallor", self.fil)
            return fil.read_text(encoding="utf-8")
        except (ModuleNotFoundError, FileNotFoundError, OSError):
            return None

    def till_dict(self) -> dict[str, str]:
        """``{"fil", "titel", "agare", "beslut", "datum", "url"}``."""
        return {
            "fil": self.fil,
            "titel": self.titel,
            "agare": self.agare,
            "beslut": self.beslut,
            "datum": self.datum,
            "url": self.url,
        }


def stycke_med_citat(text: str, citat: str) -> str | None:
    r"""The paragraph of *text* (lines between blank lines) where *citat* begins, whitespace
    as in the text; None if the start of the quote is not found.

    >>> stycke_med_citat("Rubrik\n\nEtt svar ska\nskickas i tid.\n\nNästa.", "svar ska skickas")
    'Ett svar ska\nskickas i tid.'
    """
    import re

    stycken = [s.strip() for s in re.split(r"\n\s*\n", text) if s.strip()]
    ord_ = " ".join(citat.replace("…", " ").split()).strip(" .")
    # The quote may span paragraphs (a list under its heading): look for ever shorter starts.
    for langd in (len(ord_), 60, 30):
        bit = ord_[:langd].strip()
        if not bit:
            continue
        for stycke in stycken:
            if bit in " ".join(stycke.split()):
                return stycke
    return None


class Bedomning(enum.Enum):
    """An optional field beyond the spec: why a finding exists."""

    BROTT = "brott"
    """The case breaks the rule (or a deadline is open, for ``info`` with ``frist``)."""
    EJ_BEDOMD = "ej_bedomd"
    """The rule could not judge: data it needs is missing (the message says what)."""
    REGELFEL = "regelfel"
    """The rule itself raised an exception; reported instead of crashing the run."""


@frozen
class Fynd:
    """One finding. Message and path are made safe on construction (`sakra`): never a
    whole personnummer, no control character, no flood."""

    regel: str
    allvarlighet: Allvarlighet
    meddelande: str = field(converter=sakra)
    kalla: Kalla
    sokvag: str | None = field(default=None, converter=sakker_sokvag)
    frist: date | None = None
    bedomning: Bedomning = Bedomning.BROTT
    titel: str = ""
    """The rule's title (set by the engine; an optional field beyond the spec)."""

    def till_dict(self, *, som_cli: bool = False) -> dict[str, Any]:
        """The finding as JSON-ready data (the schema ``fynd`` of `utdata_schema`).

        Every key is present: ``kalla`` is ``{"dokument", "titel", "avsnitt", "citat"}``,
        ``sokvag`` and ``frist`` are null when absent. *som_cli* gives the shape of the
        command line's JSON, which the case format specifies: ``kalla`` as the string
        ``"dokument, avsnitt"`` (with ``citat`` beside it) and ``sokvag``/``frist`` left
        out when empty.
        """
        data: dict[str, Any] = {
            "regel": self.regel,
            "titel": self.titel,
            "allvarlighet": self.allvarlighet.value,
            "meddelande": self.meddelande,
            "kalla": str(self.kalla) if som_cli else self.kalla.till_dict(),
            "sokvag": self.sokvag,
            "frist": self.frist.isoformat() if self.frist is not None else None,
            "bedomning": self.bedomning.value,
        }
        if som_cli:
            data["citat"] = self.kalla.citat
            for valfri in ("sokvag", "frist"):
                if data[valfri] is None:
                    del data[valfri]
        return data
