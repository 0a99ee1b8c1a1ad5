"""The plugin host: loads plugins one by one, collects rule sets, reports failures.

pluggy's own ``load_setuptools_entrypoints`` stops at the first plugin that fails to
import; here each entry point is loaded on its own, and each plugin's hook is called on its
own, so a plugin that fails to import, raises in a hook, registers an invalid rule set or
reuses a rule id is reported (with its distribution name, version and the reason) and the
rest keep working. A plugin's arenas and reports are asked for the first time they are
needed, so that commands that only check cases do not import them.

Which plugins load can be chosen with environment variables (entry point names, comma
separated): ``FINSAM_PLUGINS`` loads only those listed (set but empty: none),
``FINSAM_EJ_PLUGINS`` skips those listed. Core's rule set ``finsam`` always loads.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from importlib import metadata
from typing import TYPE_CHECKING, Any

import pluggy
from attrs import evolve, frozen

from finsam_core.model.finsamfel import Konfigurationsfel
from finsam_core.model.handelser import Handelse
from finsam_core.model.karna import KARNKODVERK
from finsam_core.model.koder import Enhet, Kodkonfliktfel, Kodslag, Kodverk
from finsam_core.model.utskrift import citera
from finsam_core.plugins import hookspecs, karna
from finsam_core.regler.regel import Regel, Regelfel, Regelverk, Ursprung

if TYPE_CHECKING:  # imported where used: checking cases needs neither arenas nor reports
    from finsam_core.arenor.arena import Arenadata
    from finsam_core.arenor.matchning import Arenaregister
    from finsam_core.format.lasare import Lasare
    from finsam_core.rapport.rapport import Rapport

KARNAN = "finsam-core"
MILJO_VALDA = "FINSAM_PLUGINS"
MILJO_BORTVALDA = "FINSAM_EJ_PLUGINS"


@frozen
class Plugininfo:
    """A loaded plugin: entry point name, distribution, version, the rule sets it gave."""

    namn: str
    distribution: str
    version: str
    regelverk: tuple[str, ...]
    utokar: tuple[str, ...] = ()

    def till_dict(self) -> dict[str, Any]:
        """JSON-ready data (schema ``plugin`` of `utdata_schema`)."""
        return {
            "namn": self.namn,
            "distribution": self.distribution,
            "version": self.version,
            "regelverk": list(self.regelverk),
            "utokar": list(self.utokar),
        }


@frozen
class Pluginproblem:
    """A plugin (or one of its rule sets) that could not be used, and why (Swedish)."""

    namn: str
    distribution: str
    version: str
    orsak: str

    def __str__(self) -> str:
        return f"pluginet {self.namn} ({self.distribution} {self.version}): {self.orsak}"

    def till_dict(self) -> dict[str, Any]:
        """JSON-ready data (schema ``pluginproblem`` of `utdata_schema`)."""
        return {
            "namn": self.namn,
            "distribution": self.distribution,
            "version": self.version,
            "orsak": self.orsak,
        }


Pluginfel = Pluginproblem
"""Deprecated name of `Pluginproblem` (a returned value, not an exception)."""


@frozen
class Utokning:
    """Local rules (and codes) a caller adds to an installed rule set from Python.

    Given to `Pluginvard` (``Pluginvard(utokningar=[…])``), it goes through the same checks
    as a plugin's ``finsam_utoka`` hook (new rule ids only, the rule set must exist) and its
    rules are attributed to *av*, not to the plugin that registered the rule set.
    """

    regelverk: str
    regler: tuple[Regel, ...] = ()
    enheter: tuple[Enhet, ...] = ()
    koder: Mapping[Kodslag, Mapping[str, str]] | None = None
    av: str = "lokala regler"
    """Who adds them (a municipality, a system): shown where a rule fails or is listed."""


def _lista(varde: str | None) -> set[str] | None:
    if varde is None:
        return None
    return {namn.strip() for namn in varde.split(",") if namn.strip()}


def _ursprung(ep: metadata.EntryPoint) -> tuple[str, str]:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return ("okänd distribution", "?")
    return (dist.metadata["Name"] or "?", dist.version or "?")


class Pluginvard:
    """Plugins, their rule sets and the merged code lists, loaded once.

    *entry_points* replaces the installed ones (for tests); *plugins* are extra plugin
    objects (modules or instances with hook functions) registered as ``(name, object)``;
    *utokningar* are local rules added from Python (`Utokning`): a refused one raises
    `Konfigurationsfel`, since it is the caller's own code.

    A host is built once and then only read: it is safe to share between threads.
    """

    def __init__(
        self,
        *,
        entry_points: Iterable[metadata.EntryPoint] | None = None,
        plugins: Sequence[tuple[str, object]] = (),
        miljo: Mapping[str, str] | None = None,
        utokningar: Sequence[Utokning] = (),
    ) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJEKT)
        self.pm.add_hookspecs(hookspecs)
        self._ursprung: dict[str, tuple[str, str]] = {}
        self._fel: list[Pluginproblem] = []
        self._regelverk: dict[str, Regelverk] = {}
        self._valda: dict[tuple[str, ...], tuple[Regelverk, ...]] = {}
        """`regelverk_for`'s answers: one tuple per choice, so `validera` can keep its plan."""
        self._agare: dict[str, str] = {}
        self._regel_agare: dict[str, str] = {}
        self._utokningar: dict[str, list[str]] = {}
        self._kodverk: Kodverk = KARNKODVERK
        self._lasare: Lasare | None = None
        self._las = threading.Lock()
        self._bortvalda: dict[str, str] = {}
        self._arenor: Arenaregister | None = None
        self._arena_agare: dict[str, str] = {}
        self._rapporter: dict[str, Rapport] | None = None

        miljo = os.environ if miljo is None else miljo
        self._registrera(KARNAN, karna, (KARNAN, _karnversion()))
        if entry_points is None:
            entry_points = metadata.entry_points(group=hookspecs.ENTRY_POINT_GRUPP)
        valda, bortvalda = _lista(miljo.get(MILJO_VALDA)), _lista(miljo.get(MILJO_BORTVALDA))
        for ep in sorted(entry_points, key=lambda e: e.name):
            if valda is not None and ep.name not in valda:
                self._bortvalda[ep.name] = f"bortvalt: {MILJO_VALDA}={miljo.get(MILJO_VALDA)}"
                continue
            if bortvalda and ep.name in bortvalda:
                self._bortvalda[ep.name] = (
                    f"bortvalt: {MILJO_BORTVALDA}={miljo.get(MILJO_BORTVALDA)}"
                )
                continue
            ursprung = _ursprung(ep)
            try:
                objekt = ep.load()
            except Exception as undantag:
                self._rapportera(ep.name, ursprung, f"kunde inte laddas: {_text(undantag)}")
                continue
            self._registrera(ep.name, objekt, ursprung)
        for namn, objekt in plugins:
            self._registrera(namn, objekt, (namn, "(registrerad i koden)"))
        self._anropa_regelverk()
        self._anropa_utoka()
        for utokning in utokningar:
            self._lokal_utokning(utokning)

    # -- loading --------------------------------------------------------------------------

    def _registrera(self, namn: str, objekt: object, ursprung: tuple[str, str]) -> None:
        self._ursprung[namn] = ursprung
        try:
            self.pm.register(objekt, name=namn)
        except Exception as undantag:  # pluggy validates hook signatures here
            self._rapportera(namn, ursprung, f"kunde inte registreras: {_text(undantag)}")

    def _rapportera(self, namn: str, ursprung: tuple[str, str], orsak: str) -> None:
        self._fel.append(Pluginproblem(namn, ursprung[0], ursprung[1], orsak))

    def _lokal_utokning(self, utokning: Utokning) -> None:
        ursprung = ("lokal utökning", "registrerad i koden")
        self._ursprung[utokning.av] = ursprung
        fore = len(self._fel)
        self._utoka(
            utokning.av,
            utokning.regelverk,
            tuple(utokning.regler),
            tuple(utokning.enheter),
            utokning.koder,
            (),
        )
        if len(self._fel) > fore:
            raise Konfigurationsfel(self._fel[-1].orsak)

    def _anropa(
        self,
        hook: Any,
        skapa_argument: Callable[[str], dict[str, Any]],
        efter: Callable[[str, bool], None],
    ) -> None:
        # Each plugin's implementation on its own, so one that raises stops no other.
        for impl in hook.get_hookimpls():  # registration order: core, then by name
            namn = impl.plugin_name
            try:
                impl.function(**skapa_argument(namn))
            except Exception as undantag:
                self._rapportera(
                    namn,
                    self._ursprung.get(namn, (namn, "?")),
                    f"fel i {hook.name}: {_text(undantag)}",
                )
                efter(namn, False)
            else:
                efter(namn, True)

    def _anropa_regelverk(self) -> None:
        vantande: dict[str, list[Regelverk]] = {}

        def argument(namn: str) -> dict[str, Any]:
            def register(regelverk: Regelverk, /) -> None:
                if not isinstance(regelverk, Regelverk):
                    raise Regelfel(f"registrerade {type(regelverk).__name__}, inte ett Regelverk")
                vantande.setdefault(namn, []).append(regelverk)

            return {"register": register}

        def efter(namn: str, lyckades: bool) -> None:
            registrerade = vantande.pop(namn, [])
            if lyckades:
                for regelverk in registrerade:
                    self._lagg_till(namn, regelverk)

        self._anropa(self.pm.hook.finsam_regelverk, argument, efter)

    def _lagg_till(self, namn: str, regelverk: Regelverk) -> None:
        ursprung = self._ursprung.get(namn, (namn, "?"))
        if regelverk.id in self._regelverk:
            self._rapportera(
                namn,
                ursprung,
                f"regelverket {regelverk.id!r} finns redan (från {self._agare[regelverk.id]})",
            )
            return
        upptagna = [r for r in regelverk.regel_id if r in self._regel_agare]
        if upptagna:
            self._rapportera(
                namn,
                ursprung,
                f"regelverket {regelverk.id!r} återanvänder "
                f"regel-id {', '.join(upptagna)} från "
                f"{self._regel_agare[upptagna[0]]}",
            )
            return
        try:
            kodverk = self._kodverk.utokad(
                enheter=regelverk.enheter,
                koder=regelverk.koder,
                handelsetyper=regelverk.handelsetyper,
            )
        except Kodkonfliktfel as undantag:
            self._rapportera(namn, ursprung, f"regelverket {regelverk.id!r}: {undantag}")
            return
        self._kodverk = kodverk
        kalla = Ursprung(namn, *ursprung)
        self._valda.clear()
        self._regelverk[regelverk.id] = evolve(
            regelverk,
            plugin=str(kalla),
            ursprung=kalla,
            regler=_markerade(regelverk.regler, regelverk.id, kalla),
        )
        self._agare[regelverk.id] = namn
        for regel_id in regelverk.regel_id:
            self._regel_agare[regel_id] = f"{regelverk.id} ({namn})"

    def _anropa_utoka(self) -> None:
        def argument(namn: str) -> dict[str, Any]:
            def utoka(
                regelverk_id: str,
                /,
                *,
                regler: Iterable[Regel] = (),
                enheter: Iterable[Enhet] = (),
                koder: Mapping[Kodslag, Mapping[str, str]] | None = None,
                handelsetyper: Iterable[type[Handelse]] = (),
            ) -> None:
                self._utoka(
                    namn, regelverk_id, tuple(regler), tuple(enheter), koder, tuple(handelsetyper)
                )

            return {"utoka": utoka}

        self._anropa(self.pm.hook.finsam_utoka, argument, lambda namn, ok: None)

    def _utoka(
        self,
        namn: str,
        regelverk_id: str,
        regler: tuple[Regel, ...],
        enheter: tuple[Enhet, ...],
        koder: Mapping[Kodslag, Mapping[str, str]] | None,
        handelsetyper: tuple[type[Handelse], ...],
    ) -> None:
        ursprung = self._ursprung.get(namn, (namn, "?"))
        grund = self._regelverk.get(regelverk_id)
        if grund is None:
            self._rapportera(
                namn, ursprung, f"utökar regelverket {regelverk_id!r}, som inte är installerat"
            )
            return
        upptagna = [r.id for r in regler if r.id in self._regel_agare]
        if upptagna:
            self._rapportera(
                namn,
                ursprung,
                f"utökningen av {regelverk_id!r} återanvänder "
                f"regel-id {', '.join(dict.fromkeys(upptagna))} från "
                f"{self._regel_agare[upptagna[0]]}",
            )
            return
        regler = _markerade(regler, regelverk_id, Ursprung(namn, *ursprung))
        try:
            utokat = grund.utokat(regler, enheter, koder, handelsetyper)
            kodverk = self._kodverk.utokad(
                enheter=enheter, koder=koder or {}, handelsetyper=handelsetyper
            )
        except (Regelfel, Kodkonfliktfel, TypeError) as undantag:
            self._rapportera(namn, ursprung, f"utökningen av {regelverk_id!r}: {undantag}")
            return
        self._kodverk = kodverk
        self._valda.clear()
        self._regelverk[regelverk_id] = utokat
        self._utokningar.setdefault(namn, []).append(regelverk_id)
        for regel in regler:
            self._regel_agare[regel.id] = f"{regelverk_id} ({namn})"

    def _anropa_arenor(self) -> Arenaregister:
        from finsam_core.arenor.arena import Arenadata, Arenafel
        from finsam_core.arenor.matchning import Arenaregister

        vantande: dict[str, list[Arenadata]] = {}

        def argument(namn: str) -> dict[str, Any]:
            def register(arenadata: Arenadata, /) -> None:
                if not isinstance(arenadata, Arenadata):
                    raise Arenafel(f"registrerade {type(arenadata).__name__}, inte Arenadata")
                vantande.setdefault(namn, []).append(arenadata)

            return {"register": register}

        godkanda: list[Arenadata] = []

        def efter(namn: str, lyckades: bool) -> None:
            registrerade = vantande.pop(namn, [])
            if not lyckades:
                return
            ursprung = self._ursprung.get(namn, (namn, "?"))
            for arenadata in registrerade:
                ids = arenadata.ids
                upptagna = [i for i in ids if i in self._arena_agare]
                if upptagna:
                    self._rapportera(
                        namn,
                        ursprung,
                        f"arenadata {arenadata.fil or arenadata.agare!r} återanvänder "
                        f"id {', '.join(upptagna)} från {self._arena_agare[upptagna[0]]}",
                    )
                    continue
                for arena_id in ids:
                    self._arena_agare[arena_id] = namn
                plugin = f"{namn}, {ursprung[0]} {ursprung[1]}"
                godkanda.append(
                    evolve(
                        arenadata, arenor=tuple(evolve(a, plugin=plugin) for a in arenadata.arenor)
                    )
                )

        self._anropa(self.pm.hook.finsam_arenor, argument, efter)
        return Arenaregister(
            (arena for data in godkanda for arena in data.arenor),
            (lucka for data in godkanda for lucka in data.luckor),
            enhetsnamn={kod: enhet.namn for kod, enhet in self._kodverk.enheter.items()},
        )

    def _anropa_rapporter(self) -> dict[str, Rapport]:
        # Reports: like rule sets, each plugin's on its own; a taken id is reported.
        from finsam_core.rapport.rapport import Rapport

        vantande: dict[str, list[Rapport]] = {}
        rapporter: dict[str, Rapport] = {}

        def argument(namn: str) -> dict[str, Any]:
            def register(rapport: Rapport, /) -> None:
                if not isinstance(rapport, Rapport):
                    raise Regelfel(f"registrerade {type(rapport).__name__}, inte en Rapport")
                vantande.setdefault(namn, []).append(rapport)

            return {"register": register}

        def efter(namn: str, lyckades: bool) -> None:
            registrerade = vantande.pop(namn, [])
            for rapport in registrerade if lyckades else ():
                tidigare = rapporter.get(rapport.id)
                if tidigare is not None:
                    self._rapportera(
                        namn,
                        self._ursprung.get(namn, (namn, "?")),
                        f"rapporten {rapport.id!r} finns redan (från {tidigare.plugin})",
                    )
                    continue
                ursprung = self._ursprung.get(namn, (namn, "?"))
                rapporter[rapport.id] = evolve(
                    rapport, plugin=f"{namn}, {ursprung[0]} {ursprung[1]}"
                )

        self._anropa(self.pm.hook.finsam_rapporter, argument, efter)
        return rapporter

    # -- the facade -------------------------------------------------------------------------

    @property
    def fel(self) -> tuple[Pluginproblem, ...]:
        """Plugins and rule sets that could not be used, and why."""
        return tuple(self._fel)

    @property
    def bortvalda(self) -> Mapping[str, str]:
        """Installed plugins not loaded because of ``FINSAM_PLUGINS`` / ``FINSAM_EJ_PLUGINS``:
        entry point name → why (Swedish)."""
        return dict(self._bortvalda)

    @property
    def kodverk(self) -> Kodverk:
        """Core's code lists extended with every loaded rule set's."""
        return self._kodverk

    def lasare(self) -> Lasare:
        """A `Lasare` for the merged code lists (built once, also under threads)."""
        if self._lasare is None:
            from finsam_core.format.lasare import Lasare

            with self._las:
                if self._lasare is None:
                    self._lasare = Lasare(self._kodverk)
        return self._lasare

    def regel(self, regel_id: str) -> Regel:
        """The rule with that id (its newest version), with its rule set and origin.

        An unknown id raises `Konfigurationsfel` naming the installed rule sets.
        """
        versioner = [r for r in self.regler() if r.id == regel_id]
        if not versioner:
            raise Konfigurationsfel(
                f"okänd regel {regel_id!r}; installerade regelverk: {', '.join(self._regelverk)}"
            )
        return max(versioner, key=lambda r: r.giltig_fran or date.min)

    def regler(self) -> tuple[Regel, ...]:
        """Every rule (every version) of every loaded rule set, core's first."""
        return tuple(r for rv in self._regelverk.values() for r in rv.regler)

    def saknat_regelverk(self, regelverk_id: str) -> str | None:
        """Why a rule set id is not available (Swedish), or None if it is loaded.

        Tells a deselected or broken plugin apart from an id nothing provides.
        """
        if regelverk_id in self._regelverk:
            return None
        if regelverk_id in self._bortvalda:
            return (
                f"regelverket {regelverk_id!r} är installerat men {self._bortvalda[regelverk_id]}"
            )
        for problem in self._fel:
            if problem.namn == regelverk_id or regelverk_id in problem.distribution:
                return f"regelverket {regelverk_id!r} finns men kunde inte laddas: {problem}"
        from finsam_core.model.forslag import menade_du

        trasiga = "".join(f"; obs: {problem}" for problem in self._fel)
        return (
            f"okänt regelverk {citera(regelverk_id)}{menade_du(regelverk_id, self._regelverk)}; "
            f"installerade: {', '.join(self._regelverk)}{trasiga}"
        )

    def arenor(self) -> Arenaregister:
        """Every registered arena and gap, loaded on first use (each plugin on its own:
        a broken data file is a `Pluginproblem`, the rest load)."""
        if self._arenor is None:
            with self._las:
                if self._arenor is None:
                    self._arenor = self._anropa_arenor()
        return self._arenor

    def alla_regelverk(self) -> tuple[Regelverk, ...]:
        """Every loaded rule set, core's ``finsam`` first."""
        return tuple(self._regelverk.values())

    def regelverk(self, regelverk_id: str) -> Regelverk | None:
        """The rule set with that id, or None if no loaded plugin provides it."""
        return self._regelverk.get(regelverk_id)

    def regelverk_for(self, ids: Iterable[str]) -> tuple[Regelverk, ...]:
        """Core's rule set followed by the named ones.

        *ids* is a list of ids (a single string is a `TypeError`: ``"sofint"`` is not
        ``["sofint"]``). An id that is not loaded raises `Konfigurationsfel` saying whether
        it is unknown, deselected or broken.
        """
        if isinstance(ids, str):
            raise TypeError(f"ange regelverken som en lista, t.ex. [{ids!r}], inte som en sträng")
        nyckel = tuple(ids)
        sparade = self._valda.get(nyckel)
        if sparade is not None:
            return sparade
        valda = [self._regelverk["finsam"]]
        for regelverk_id in ids:
            saknas = self.saknat_regelverk(regelverk_id)
            if saknas is not None:
                raise Konfigurationsfel(saknas)
            if regelverk_id != "finsam":
                valda.append(self._regelverk[regelverk_id])
        # The same tuple for the same choice, case after case: `validera` keeps its plan (rule
        # list, validity, code lists) by the tuple's identity. Only ids that all loaded are
        # kept, so an unknown id raises every time.
        if len(self._valda) >= 256:
            self._valda.clear()
        return self._valda.setdefault(nyckel, tuple(valda))

    def _alla_rapporter(self) -> dict[str, Rapport]:
        if self._rapporter is None:
            with self._las:
                if self._rapporter is None:
                    self._rapporter = self._anropa_rapporter()
        return self._rapporter

    def rapporter(self) -> tuple[Rapport, ...]:
        """Every loaded report (core's first), each with the plugin that registered it.

        Reports are asked for on first use (each plugin on its own: a hook that raises or a
        taken id is a `Pluginproblem`, the rest load).
        """
        return tuple(self._alla_rapporter().values())

    def rapport(self, rapport_id: str) -> Rapport | None:
        """The report with that id, or None if no loaded plugin provides it."""
        return self._alla_rapporter().get(rapport_id)

    def plugins(self) -> tuple[Plugininfo, ...]:
        """Loaded plugins with their versions and the rule sets they registered."""
        info = []
        for namn, _ in self.pm.list_name_plugin():
            distribution, version = self._ursprung[namn]
            egna = tuple(rv for rv, agare in self._agare.items() if agare == namn)
            info.append(
                Plugininfo(namn, distribution, version, egna, tuple(self._utokningar.get(namn, ())))
            )
        return tuple(info)

    def beskrivning(self) -> dict[str, Any]:
        """Plugins, rule sets with rule counts, arena counts, and failures, as JSON-ready
        data (arenas and reports are loaded, so a broken arena file or report hook shows
        among the failures)."""
        arenor = self.arenor()
        self._alla_rapporter()
        return {
            "plugins": [
                {
                    **p.till_dict(),
                    "arenor": sum(
                        1 for a in arenor.arenor if self._arena_agare.get(a.id) == p.namn
                    ),
                }
                for p in self.plugins()
            ],
            "regelverk": [
                {
                    "id": rv.id,
                    "namn": rv.namn,
                    "agare": rv.agare,
                    "version": rv.version,
                    "regler": len(rv.regel_id),
                    "plugin": self._agare[rv.id],
                }
                for rv in self.alla_regelverk()
            ],
            "fel": [f.till_dict() for f in self._fel],
            "bortvalda": dict(self._bortvalda),
        }


def _karnversion() -> str:
    from finsam_core._version import __version__

    return __version__


def _text(undantag: BaseException) -> str:
    return f"{type(undantag).__name__}: {undantag}"


def _markerade(regler: Iterable[Regel], regelverk_id: str, ursprung: Ursprung) -> tuple[Regel, ...]:
    return tuple(evolve(r, regelverk=regelverk_id, ursprung=ursprung) for r in regler)


_VARD: Pluginvard | None = None
_VARDLAS = threading.Lock()


def hamta_vard() -> Pluginvard:
    """The process's plugin host, loaded on first use and then reused.

    Thread-safe: threads that ask at the same time share one host, built once.
    """
    global _VARD
    if _VARD is None:
        with _VARDLAS:
            if _VARD is None:
                _VARD = Pluginvard()
    return _VARD


def aterstall_vard() -> None:
    """Forget the loaded host (tests, or after installing a plugin at run time)."""
    global _VARD
    with _VARDLAS:
        _VARD = None
