"""
A local server speaking DeepL's documented v2 API (POST /v2/translate), for
the machine translation tests: it checks what a real DeepL checks (the
`Authorization: DeepL-Auth-Key` header, a JSON body with `text` and
`target_lang`, the target codes DeepL accepts) and answers in DeepL's shape
(`{"translations": [{"detected_source_language", "text"}]}`), or with the
error DeepL would send when a test asks for one (403, 456, 429...).

Its "translation" is a phrase book, enough to tell languages and texts
apart: each known phrase is replaced, tags are left where they are.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.servers import free_port

KEY = "0d1f5c5e-test-only-key:fx"
# The source and target codes DeepL's documentation lists for our languages.
SOURCES = {"EN", "FR", "IT", "DE"}
TARGETS = {"EN-GB", "EN-US", "FR", "IT", "DE"}
PHRASES = {
    "FR": {"The plant opens in": "L'usine ouvre à", "Ampere starts": "Ampere démarre"},
    "IT": {"The plant opens in": "Lo stabilimento apre a", "Ampere starts": "Ampere parte"},
}  # fmt: skip
MESSAGES = {
    403: "Authorization failure, check auth_key",
    429: "Too many requests",
    456: "Quota exceeded",
    500: "Internal server error",
}


class DeepLHandler(BaseHTTPRequestHandler):
    server_version = "FakeDeepL/1"

    def log_message(self, format, *args):  # noqa: A002 - BaseHTTPRequestHandler's name
        pass

    def answer(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        deepl = self.server.deepl
        length = int(self.headers.get("Content-Length", 0))
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        deepl.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
        if self.path != "/v2/translate":
            return self.answer(404, {"message": "Not found"})
        if self.headers.get("Authorization") != f"DeepL-Auth-Key {deepl.key}":
            return self.answer(403, {"message": MESSAGES[403]})
        if deepl.status != 200:
            return self.answer(deepl.status, {"message": MESSAGES.get(deepl.status, "Error")})
        if deepl.raw_answer is not None:
            return self.answer(200, deepl.raw_answer)
        if not self.headers.get("Content-Type", "").startswith("application/json"):
            return self.answer(400, {"message": "Unsupported content type"})
        problem = self.refusal(body)
        if problem:
            return self.answer(400, {"message": problem})
        source = body.get("source_lang", "EN")
        target = body["target_lang"].upper()
        return self.answer(
            200,
            {
                "translations": [
                    {"detected_source_language": source, "text": deepl.translate(text, target)}
                    for text in body["text"]
                ]
            },
        )

    @staticmethod
    def refusal(body):
        """DeepL's 400 reasons for the parts of the body we send."""
        if not isinstance(body, dict):
            return "Invalid JSON"
        texts = body.get("text")
        if not isinstance(texts, list) or not texts or len(texts) > 50:
            return "Parameter 'text' must be a list of 1 to 50 texts"
        if not all(isinstance(text, str) for text in texts):
            return "Parameter 'text' holds something that is not text"
        if body.get("target_lang", "").upper() not in TARGETS:
            return f"Value for 'target_lang' not supported: {body.get('target_lang')!r}"
        if "source_lang" in body and body["source_lang"].upper() not in SOURCES:
            return f"Value for 'source_lang' not supported: {body['source_lang']!r}"
        if body.get("tag_handling") not in (None, "html", "xml"):
            return "Value for 'tag_handling' not supported"
        return None


class FakeDeepL:
    """The server, on a free port of this test's range; `url` goes into DEEPL_API_URL."""

    def __init__(self, key=KEY):
        self.key = key
        self.requests = []
        # The status of the next answers (200: translate).
        self.status = 200
        # A JSON answer sent as it is instead of translations, for broken answers.
        self.raw_answer = None
        # An addition to every translation, to send back markup (a <script>...).
        self.extra = ""
        self.httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), DeepLHandler)
        self.httpd.deepl = self
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def translate(self, text, target):
        for source, translated in PHRASES.get(target.split("-")[0], {}).items():
            text = text.replace(source, translated)
        return f"{text}{self.extra}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        if not self.thread.is_alive():
            return
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
