"""Serve a built site as a static host does, for Lighthouse: ``python -m bench.static_host site/ [--port 8765]``.

Text (HTML, CSS, JS, JSON, XML, SVG) goes out gzip-compressed when the client asks for it; pages are
``no-cache`` and every other file is cached for a year (its name changes when its content does, or it
is an image). Only 127.0.0.1 is bound. Lighthouse then measures what a reader of the deployed site
downloads, not Python's uncompressed development server.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import mimetypes
import os
import re
from functools import partial
from typing import BinaryIO

HASHED = re.compile(r"[.-][0-9a-f]{8,}\.")  # main.3f2a9c1e.min.css, a524d9f1eccdeb3782dc.png

TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest")


class StaticHost(http.server.SimpleHTTPRequestHandler):
    def send_head(self) -> BinaryIO | None:  # type: ignore[override]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self.send_error(404)
            return None
        with open(path, "rb") as source:
            data = source.read()
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if path.endswith(TEXT) else kind)
        if path.endswith(TEXT) and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, 6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        # A year only where the name changes with the content (cards, image variants, Material's hashed assets);
        # pages and our unhashed assets (press.css, the trimmed stylesheet) are revalidated on every visit.
        immutable = HASHED.search(path.rsplit("/", 1)[-1]) is not None
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", help="the built site folder")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), partial(StaticHost, directory=args.site))
    print(f"serving {args.site} at http://127.0.0.1:{args.port}/ (gzip, cache headers); Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
