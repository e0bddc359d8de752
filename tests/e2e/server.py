"""A static file server that hosts a built site under a sub-path, as GitHub project pages do.

``/<prefix>/...`` maps to the site directory; every other path is a 404, so a link that
forgot the prefix (``href="/assets/..."``) is caught. Missing files get the site's own
``404.html`` with status 404, like GitHub Pages.
"""
from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

PREFIX = "/studykb/"


class _SubPathHandler(SimpleHTTPRequestHandler):
    prefix = PREFIX

    def translate_path(self, path: str) -> str:
        raw = urlsplit(path).path
        if raw + "/" == self.prefix:
            raw = self.prefix  # /studykb -> the site root (the directory redirect adds the slash)
        if not unquote(raw).startswith(self.prefix):
            return str(Path(self.directory) / ".outside-the-prefix" / "missing")
        return super().translate_path("/" + raw[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # keep test output quiet
        pass


class SubPathServer:
    """Serves ``site_dir`` at ``http://127.0.0.1:<free port>/studykb/`` from a thread.

    The port is chosen when the server starts, before the site is built, so the build
    can be given its final ``site_url``; ``site_dir`` may not exist yet at that point.
    """

    def __init__(self, site_dir: Path, prefix: str = PREFIX) -> None:
        handler = type("Handler", (_SubPathHandler,), {"prefix": prefix})
        self.site_dir = Path(site_dir)
        self.prefix = prefix
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site_dir)))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def base_url(self) -> str:
        return self.origin + self.prefix

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")

    def __enter__(self) -> "SubPathServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
