"""A small HTTP service that checks a POSTed case and answers with the findings as JSON.

Standard library only: one `Kontrollant` built at start-up serves every request thread.
(finsam-core's own ``finsam serve`` is the full version of this, with OpenAPI and a page
for caseworkers.)

    python docs/guide/inbaddning/http_tjanst.py 8400
    curl --data-binary @examples/sofint/fristproblem.yaml localhost:8400/kontrollera
"""

from __future__ import annotations

import json
import sys
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from finsam_core import Kontrollant

KONTROLLANT = Kontrollant()  # loads the installed plugins once; safe to share between threads
STORSTA_ARENDE = 1_000_000  # bytes


class Handlaggare(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        langd = int(self.headers.get("Content-Length") or 0)
        if self.path != "/kontrollera" or not 0 < langd <= STORSTA_ARENDE:
            self.send_error(404 if self.path != "/kontrollera" else 413)
            return
        resultat = KONTROLLANT.kontrollera(self.rfile.read(langd), datum=date.today())
        # Input errors and configuration problems are values: 422, never a 500.
        self._svara(200 if resultat.ok else 422, resultat.till_dict())

    def _svara(self, status: int, data: object) -> None:
        kropp = json.dumps(data, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(kropp)))
        self.end_headers()
        self.wfile.write(kropp)

    def log_message(self, format: str, *args: object) -> None:
        pass  # never log requests: they hold personal data


def tjanst(port: int) -> ThreadingHTTPServer:
    """The service bound to localhost only."""
    return ThreadingHTTPServer(("127.0.0.1", port), Handlaggare)


if __name__ == "__main__":
    tjanst(int(sys.argv[1]) if len(sys.argv) > 1 else 8400).serve_forever()
