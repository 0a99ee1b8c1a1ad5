"""The agenda as CSV (for a spreadsheet) and as iCalendar (for Outlook and other calendars)."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from finsam_core.regler.motor import Agendapost

CSV_KOLUMNER = (
    "status",
    "frist",
    "dagar",
    "fil",
    "arende",
    "regel",
    "titel",
    "allvarlighet",
    "meddelande",
    "kalla",
)


def som_csv(poster: Sequence[Agendapost]) -> str:
    """One row per deadline, with a header; the source as title and section."""
    ut = io.StringIO()
    skrivare = csv.DictWriter(ut, fieldnames=CSV_KOLUMNER, lineterminator="\n")
    skrivare.writeheader()
    for p in poster:
        data = p.till_dict(som_cli=True)
        data["kalla"] = p.kalla.lasbar
        skrivare.writerow({k: data[k] for k in CSV_KOLUMNER})
    return ut.getvalue()


def _uid(post: Agendapost) -> str:
    # Stable across runs, so a calendar that imports the file again updates, not duplicates.
    nyckel = "|".join(
        (post.fil or "", post.arende_id, post.regel, str(post.sokvag), str(post.frist))
    )
    return f"{hashlib.sha256(nyckel.encode()).hexdigest()[:32]}@finsam"


def som_ics(poster: Sequence[Agendapost], datum: date) -> str:
    """An iCalendar file: one all-day event per deadline (RFC 5545, via ``icalendar``)."""
    from icalendar import Calendar, Event

    kalender = Calendar()
    kalender.add("prodid", "-//finsam-core//finsam agenda//SV")
    kalender.add("version", "2.0")
    kalender.add("x-wr-calname", "Finsam-frister")
    stampel = datetime.combine(datum, time(0, 0), tzinfo=UTC)
    for p in poster:
        handelse = Event()
        missad = "MISSAD: " if p.missad else ""
        handelse.add("uid", _uid(p))
        handelse.add("dtstamp", stampel)
        handelse.add("dtstart", p.frist)
        handelse.add("dtend", p.frist + timedelta(days=1))
        handelse.add("summary", f"{missad}{p.regel} {p.titel} – {p.arende_id}")
        handelse.add(
            "description",
            f"{p.meddelande}\nÄrende: {p.arende_id} ({p.fil})\nKälla: {p.kalla.lasbar}",
        )
        handelse.add("categories", ["Finsam", "missad" if p.missad else "öppen"])
        handelse.add("transp", "TRANSPARENT")
        kalender.add_component(handelse)
    text: str = kalender.to_ical().decode("utf-8")
    return text
