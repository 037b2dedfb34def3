"""
A real HTTP receiver on loopback (http.server in a thread) that records what
it is sent and answers with the codes a test queues, and an endpoint
pointing at it. Loopback endpoints are allowed here, as the SSRF rule's
setting permits; tests/webhooks/test_addresses.py turns it off.
"""

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.servers import free_port
from webhooks.models import Endpoint, Event

SITE = "https://renaulution.example"


@pytest.fixture(autouse=True)
def _webhook_settings(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True
    settings.WEBHOOKS_TIMEOUT = 2
    settings.SITE_URL = SITE


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes

    @property
    def json(self):
        return json.loads(self.body)


@dataclass
class Receiver:
    url: str = ""
    requests: list = field(default_factory=list)
    # Codes to answer, in order; 200 once they run out.
    codes: list = field(default_factory=list)

    def answer(self):
        return self.codes.pop(0) if self.codes else 200

    @property
    def events(self):
        return [request.headers["Renaulution-Event"] for request in self.requests]


@pytest.fixture
def receiver():
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            state.requests.append(Received(self.path, dict(self.headers), body))
            code = state.answer()
            text = f"answer {code}".encode()
            self.send_response(code)
            self.send_header("Content-Length", str(len(text)))
            self.end_headers()
            self.wfile.write(text)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_port}/hooks/renaulution?source=test"
    yield state
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def endpoint(receiver):
    return Endpoint.objects.create(
        url=receiver.url, events=list(Event.values), description="The test receiver"
    )
