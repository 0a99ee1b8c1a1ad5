"""A report as one self-contained HTML page: the table, charts, and the JSON it shows.

Nothing is fetched when the page opens: styles are inline, charts are inline SVG, and a
Content-Security-Policy forbids any request. Charts are drawn with matplotlib when the
optional extra is installed (``pip install finsam-core[rapport]``); without it the page
has the table and says how to get charts. Hidden cells are not drawn (their bar is empty,
labelled ``1–4`` or ``dold``).

The page carries the report's JSON (``<script type="application/json" id="rapportdata">``),
and a small script checks on opening that every number in the table equals the JSON's; it
marks the result on ``<body data-kontroll="ok">`` (tests read it in a headless browser).
"""

from __future__ import annotations

import html
import io
import json
import re
from typing import Any

from finsam_core.rapport.rapport import Rapportresultat
from finsam_core.rapport.utdata import sammanfattning, skyddstext, visa_cell

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

_STIL = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #1a1a1a; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
.period { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #ddd; padding: .3rem .6rem; }
th { text-align: left; background: #f3f3f3; }
td.tal { text-align: right; }
tr.totalt td { font-weight: bold; border-top: 2px solid #999; }
.dold { color: #8a5a00; }
.skydd { background: #f7f3e8; padding: .6rem; border-left: 4px solid #c90; }
.utan-skydd { background: #fde8e8; padding: .6rem; border-left: 4px solid #c00; }
figure { margin: 1.5rem 0; }
figure svg { max-width: 100%; height: auto; }
"""

_KONTROLL = """
(function () {
  var data = JSON.parse(document.getElementById("rapportdata").textContent);
  var fel = [];
  var rader = document.querySelectorAll("#rapporttabell tbody tr");
  var vantade = data.rader.concat(data.totalt ? [data.totalt] : []);
  if (rader.length !== vantade.length) { fel.push("antal rader"); }
  rader.forEach(function (tr, i) {
    tr.querySelectorAll("td[data-matt]").forEach(function (td) {
      var json = vantade[i] ? vantade[i][td.dataset.matt] : undefined;
      if (JSON.stringify(json) !== td.dataset.varde) { fel.push(td.dataset.matt + " rad " + i); }
    });
  });
  document.body.dataset.kontroll = fel.length ? "fel: " + fel.join(", ") : "ok";
})();
"""


def _svg(figur: Any) -> str:
    strom = io.StringIO()
    figur.savefig(strom, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = strom.getvalue()
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.S)
    return text[text.index("<svg") :]


def diagram(resultat: Rapportresultat) -> list[tuple[str, str]]:
    """The charts as ``(title, inline SVG)``; empty when matplotlib is not installed."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot
    except ImportError:
        return []
    matplotlib.rcParams.update({"svg.hashsalt": "finsam", "svg.fonttype": "none"})
    rapport = resultat.rapport
    etiketter = [
        " ".join(d.etikett(v) for d, v in zip(rapport.dimensioner, r.dimensioner, strict=True))
        for r in resultat.rader
    ]
    utdata: list[tuple[str, str]] = []
    antal = [
        (i, m)
        for i, m in enumerate(rapport.matt)
        if m.slag == "antal" and getattr(m, "del_av", None) is None
    ][:4]
    if antal and resultat.rader:
        figur, axlar = pyplot.subplots(figsize=(8, 0.4 * len(etiketter) + 1.5))
        hojd = 0.8 / len(antal)
        for k, (i, m) in enumerate(antal):
            celler = [r.celler[i] for r in resultat.rader]
            varden = [float(c.varde or 0) if c.dold is None else 0.0 for c in celler]
            positioner = [j + k * hojd for j in range(len(etiketter))]
            axlar.barh(positioner, varden, height=hojd, label=m.rubrik)
            for pos, r in zip(positioner, resultat.rader, strict=True):
                if r.celler[i].dold is not None:
                    axlar.text(0, pos, " " + str(resultat.visat(r.celler[i], m)), va="center")
        axlar.set_yticks([j + hojd * (len(antal) - 1) / 2 for j in range(len(etiketter))])
        axlar.set_yticklabels(etiketter)
        axlar.invert_yaxis()
        axlar.set_xlabel("Personer")
        axlar.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
        utdata.append((f"{rapport.titel}: antal per rad", _svg(figur)))
        pyplot.close(figur)
    for i, m in enumerate(rapport.matt):
        if m.slag != "andel" or not resultat.rader:
            continue
        figur, axlar = pyplot.subplots(figsize=(8, 0.4 * len(etiketter) + 1.5))
        celler = [r.celler[i] for r in resultat.rader]
        axlar.barh(
            range(len(etiketter)),
            [100 * (c.varde or 0) if c.dold is None else 0 for c in celler],
        )
        axlar.set_yticks(range(len(etiketter)))
        axlar.set_yticklabels(etiketter)
        axlar.invert_yaxis()
        axlar.set_xlim(0, 100)
        axlar.set_xlabel("Procent")
        utdata.append((m.rubrik, _svg(figur)))
        pyplot.close(figur)
    for f in resultat.fordelningar:
        figur, axlar = pyplot.subplots(figsize=(8, 3))
        namn = [n for n, _ in f.staplar]
        axlar.bar(namn, [float(c.varde or 0) if c.dold is None else 0.0 for _, c in f.staplar])
        for j, (_, c) in enumerate(f.staplar):
            if c.dold is not None:
                axlar.text(j, 0, str(resultat.visat_antal(c)), ha="center", va="bottom")
        axlar.set_xlabel("Dagar")
        axlar.set_ylabel("Personer")
        utdata.append((f.rubrik, _svg(figur)))
        pyplot.close(figur)
    return utdata


def som_html(resultat: Rapportresultat) -> str:
    """The whole page."""
    rapport = resultat.rapport
    e = html.escape
    data = resultat.till_dict()
    huvud = "".join(f"<th>{e(d.rubrik)}</th>" for d in rapport.dimensioner) + "".join(
        f'<th class="tal">{e(m.rubrik)}</th>' for m in rapport.matt
    )
    rader = []
    alla = [*resultat.rader, *((resultat.totalt,) if resultat.totalt else ())]
    for rad in alla:
        dict_rad = resultat.rad_som_dict(rad)
        celler = "".join(
            f"<td>{e('Totalt' if v == 'totalt' else d.etikett(v))}</td>"
            for d, v in zip(rapport.dimensioner, rad.dimensioner, strict=True)
        )
        for i, m in enumerate(rapport.matt):
            klass = "tal dold" if rad.celler[i].dold else "tal"
            varde = e(json.dumps(dict_rad[m.namn], ensure_ascii=False), quote=True)
            celler += (
                f'<td class="{klass}" data-matt="{e(m.namn)}" data-varde="{varde}">'
                f"{e(visa_cell(resultat, rad, i))}</td>"
            )
        klass = ' class="totalt"' if rad is resultat.totalt else ""
        rader.append(f"<tr{klass}>{celler}</tr>")
    figurer = diagram(resultat)
    if figurer:
        diagramtext = "".join(
            f"<figure><figcaption>{e(titel)}</figcaption>{svg}</figure>" for titel, svg in figurer
        )
    else:
        diagramtext = (
            '<p class="utan-diagram">Diagram saknas: installera '
            "<code>finsam-core[rapport]</code> för diagram.</p>"
        )
    skydd_klass = "utan-skydd" if resultat.troskel is None else "skydd"
    json_text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(rapport.titel)} {e(str(resultat.period))}</title>
<style>{_STIL}</style>
</head>
<body>
<h1>{e(rapport.titel)}</h1>
<p class="period">Period {e(str(resultat.period))}: {resultat.period.fran} – {resultat.period.till}.
Rapport <code>{e(rapport.id)}</code>.</p>
<p>{e(rapport.beskrivning)}</p>
<p class="{skydd_klass}">{e(skyddstext(resultat))}</p>
<table id="rapporttabell">
<thead><tr>{huvud}</tr></thead>
<tbody>
{"".join(rader)}
</tbody>
</table>
<p>{e(sammanfattning(resultat))}</p>
<p><small>{e(rapport.periodregel)}</small></p>
{diagramtext}
<script type="application/json" id="rapportdata">{json_text}</script>
<script>{_KONTROLL}</script>
</body>
</html>
"""
