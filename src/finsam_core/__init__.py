"""finsam-core: Finsam collaboration models as checkable rules.

Read cases in the ``finsam/1`` format, check them against rule sets from plugins, and
explain the result. Everything public is importable from here and listed once, in
``_MODUL`` below (a test checks that the typing imports agree with it); names not listed
are private and may change without notice. Plugin authors import from
`finsam_core.regelbygge`. Names are imported on first use (PEP 562), so that
``import finsam_core`` and the command line start fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from finsam_core._version import __version__

if TYPE_CHECKING:  # the same names as _MODUL, for type checkers
    from finsam_core.format import (
        FILTYPER as FILTYPER,
        Indatafel as Indatafel,
        Inlasning as Inlasning,
        Lasare as Lasare,
        json_schema as json_schema,
        las as las,
        till_dict as till_dict,
        till_json as till_json,
        till_yaml as till_yaml,
    )
    from finsam_core.kontrollant import (
        Kontrollant as Kontrollant,
        Kontrollresultat as Kontrollresultat,
        kontrollera as kontrollera,
    )
    from finsam_core.model import (
        FORMAT as FORMAT,
        INDIVIDEN as INDIVIDEN,
        KARNHANDELSER as KARNHANDELSER,
        KARNKODVERK as KARNKODVERK,
        SOL_GAMMAL as SOL_GAMMAL,
        SOL_NY as SOL_NY,
        SOL_NY_FRAN as SOL_NY_FRAN,
        Arende as Arende,
        Aterkoppling as Aterkoppling,
        Avsandare as Avsandare,
        Avslut as Avslut,
        Begransning as Begransning,
        Besked as Besked,
        Beslut as Beslut,
        Enhet as Enhet,
        Enhetskod as Enhetskod,
        Forlangning as Forlangning,
        Forsorjning as Forsorjning,
        Forsorjningstyp as Forsorjningstyp,
        Handelse as Handelse,
        Huvudmankod as Huvudmankod,
        Individ as Individ,
        Inriktning as Inriktning,
        Insats as Insats,
        Insatstyp as Insatstyp,
        Inskrivning as Inskrivning,
        Intyg as Intyg,
        Intygstyp as Intygstyp,
        Kartlaggning as Kartlaggning,
        Kartlaggningstyp as Kartlaggningstyp,
        Kodkonfliktfel as Kodkonfliktfel,
        Kodslag as Kodslag,
        Kodverk as Kodverk,
        Kommun as Kommun,
        Kon as Kon,
        Kontakt as Kontakt,
        Lagrum as Lagrum,
        Lagrumfel as Lagrumfel,
        Ledighet as Ledighet,
        Manad as Manad,
        Modellfel as Modellfel,
        Mote as Mote,
        Motestyp as Motestyp,
        OkandKommunfel as OkandKommunfel,
        Omfattning as Omfattning,
        Omstandighet as Omstandighet,
        Omstandighetsperiod as Omstandighetsperiod,
        Personnummer as Personnummer,
        Personnummerfel as Personnummerfel,
        Plan as Plan,
        Planstatus as Planstatus,
        Plantyp as Plantyp,
        Remiss as Remiss,
        Samtycke as Samtycke,
        Samtyckesform as Samtyckesform,
        Skal as Skal,
        Utfall as Utfall,
        alla_kommuner as alla_kommuner,
        hitta_kommun as hitta_kommun,
        maskera_text as maskera_text,
    )
    from finsam_core.model.finsamfel import (
        Finsamfel as Finsamfel,
        Konfigurationsfel as Konfigurationsfel,
    )
    from finsam_core.plugins import (
        ENTRY_POINT_GRUPP as ENTRY_POINT_GRUPP,
        Plugininfo as Plugininfo,
        Pluginvard as Pluginvard,
        RegistreraRegelverk as RegistreraRegelverk,
        UtokaRegelverk as UtokaRegelverk,
        aterstall_vard as aterstall_vard,
        hamta_vard as hamta_vard,
        hookimpl as hookimpl,
    )
    from finsam_core.plugins.vard import (
        Pluginproblem as Pluginproblem,
        Utokning as Utokning,
    )
    from finsam_core.regler import (
        KARNREGELVERK as KARNREGELVERK,
        Agendapost as Agendapost,
        Allvarlighet as Allvarlighet,
        Bedomning as Bedomning,
        Forklaring as Forklaring,
        Fynd as Fynd,
        Kalla as Kalla,
        Kontext as Kontext,
        Kontroll as Kontroll,
        Regel as Regel,
        Regelfel as Regelfel,
        Regelpost as Regelpost,
        Regelverk as Regelverk,
        Resultat as Resultat,
        Tackningsfel as Tackningsfel,
        Tidsenhet as Tidsenhet,
        Tidsfrist as Tidsfrist,
        Utslag as Utslag,
        agenda as agenda,
        forklara as forklara,
        kontrollera_versioner as kontrollera_versioner,
        tackning as tackning,
        validera as validera,
        validera_alla as validera_alla,
    )
    from finsam_core.regler.fynd import (
        Dokument as Dokument,
    )
    from finsam_core.regler.regel import (
        Ursprung as Ursprung,
    )
    from finsam_core.utdata import (
        utdata_schema as utdata_schema,
    )

_MODUL: dict[str, str] = {
    "Agendapost": "finsam_core.regler",
    "Allvarlighet": "finsam_core.regler",
    "Arende": "finsam_core.model",
    "Aterkoppling": "finsam_core.model",
    "Avsandare": "finsam_core.model",
    "Avslut": "finsam_core.model",
    "Bedomning": "finsam_core.regler",
    "Begransning": "finsam_core.model",
    "Besked": "finsam_core.model",
    "Beslut": "finsam_core.model",
    "Dokument": "finsam_core.regler.fynd",
    "ENTRY_POINT_GRUPP": "finsam_core.plugins",
    "Enhet": "finsam_core.model",
    "Enhetskod": "finsam_core.model",
    "FILTYPER": "finsam_core.format",
    "FORMAT": "finsam_core.model",
    "Finsamfel": "finsam_core.model.finsamfel",
    "Forklaring": "finsam_core.regler",
    "Forlangning": "finsam_core.model",
    "Forsorjning": "finsam_core.model",
    "Forsorjningstyp": "finsam_core.model",
    "Fynd": "finsam_core.regler",
    "Handelse": "finsam_core.model",
    "Huvudmankod": "finsam_core.model",
    "INDIVIDEN": "finsam_core.model",
    "Indatafel": "finsam_core.format",
    "Individ": "finsam_core.model",
    "Inlasning": "finsam_core.format",
    "Inriktning": "finsam_core.model",
    "Insats": "finsam_core.model",
    "Insatstyp": "finsam_core.model",
    "Inskrivning": "finsam_core.model",
    "Intyg": "finsam_core.model",
    "Intygstyp": "finsam_core.model",
    "KARNHANDELSER": "finsam_core.model",
    "KARNKODVERK": "finsam_core.model",
    "KARNREGELVERK": "finsam_core.regler",
    "Kalla": "finsam_core.regler",
    "Kartlaggning": "finsam_core.model",
    "Kartlaggningstyp": "finsam_core.model",
    "Kodkonfliktfel": "finsam_core.model",
    "Kodslag": "finsam_core.model",
    "Kodverk": "finsam_core.model",
    "Kommun": "finsam_core.model",
    "Kon": "finsam_core.model",
    "Konfigurationsfel": "finsam_core.model.finsamfel",
    "Kontakt": "finsam_core.model",
    "Kontext": "finsam_core.regler",
    "Kontroll": "finsam_core.regler",
    "Kontrollant": "finsam_core.kontrollant",
    "Kontrollresultat": "finsam_core.kontrollant",
    "Lagrum": "finsam_core.model",
    "Lagrumfel": "finsam_core.model",
    "Lasare": "finsam_core.format",
    "Ledighet": "finsam_core.model",
    "Manad": "finsam_core.model",
    "Modellfel": "finsam_core.model",
    "Mote": "finsam_core.model",
    "Motestyp": "finsam_core.model",
    "OkandKommunfel": "finsam_core.model",
    "Omfattning": "finsam_core.model",
    "Omstandighet": "finsam_core.model",
    "Omstandighetsperiod": "finsam_core.model",
    "Personnummer": "finsam_core.model",
    "Personnummerfel": "finsam_core.model",
    "Plan": "finsam_core.model",
    "Planstatus": "finsam_core.model",
    "Plantyp": "finsam_core.model",
    "Plugininfo": "finsam_core.plugins",
    "Pluginproblem": "finsam_core.plugins.vard",
    "Pluginvard": "finsam_core.plugins",
    "Regel": "finsam_core.regler",
    "Regelfel": "finsam_core.regler",
    "Regelpost": "finsam_core.regler",
    "Regelverk": "finsam_core.regler",
    "RegistreraRegelverk": "finsam_core.plugins",
    "Remiss": "finsam_core.model",
    "Resultat": "finsam_core.regler",
    "SOL_GAMMAL": "finsam_core.model",
    "SOL_NY": "finsam_core.model",
    "SOL_NY_FRAN": "finsam_core.model",
    "Samtycke": "finsam_core.model",
    "Samtyckesform": "finsam_core.model",
    "Skal": "finsam_core.model",
    "Tackningsfel": "finsam_core.regler",
    "Tidsenhet": "finsam_core.regler",
    "Tidsfrist": "finsam_core.regler",
    "Ursprung": "finsam_core.regler.regel",
    "Utfall": "finsam_core.model",
    "UtokaRegelverk": "finsam_core.plugins",
    "Utokning": "finsam_core.plugins.vard",
    "Utslag": "finsam_core.regler",
    "agenda": "finsam_core.regler",
    "alla_kommuner": "finsam_core.model",
    "aterstall_vard": "finsam_core.plugins",
    "forklara": "finsam_core.regler",
    "hamta_vard": "finsam_core.plugins",
    "hitta_kommun": "finsam_core.model",
    "hookimpl": "finsam_core.plugins",
    "json_schema": "finsam_core.format",
    "kontrollera": "finsam_core.kontrollant",
    "kontrollera_versioner": "finsam_core.regler",
    "las": "finsam_core.format",
    "maskera_text": "finsam_core.model",
    "tackning": "finsam_core.regler",
    "till_dict": "finsam_core.format",
    "till_json": "finsam_core.format",
    "till_yaml": "finsam_core.format",
    "utdata_schema": "finsam_core.utdata",
    "validera": "finsam_core.regler",
    "validera_alla": "finsam_core.regler",
}
"""Every public name and the module it lives in: the one list of the public API."""

__all__ = ["__version__", *_MODUL]


def __getattr__(namn: str) -> Any:
    modul = _MODUL.get(namn)
    if modul is None:
        raise AttributeError(f"module 'finsam_core' has no attribute {namn!r}")
    varde = getattr(importlib.import_module(modul), namn)
    globals()[namn] = varde
    return varde


def __dir__() -> list[str]:
    return sorted(__all__)
