"""Baseline of bench/transfers.sh: a plain static file server (stdlib only) for curl.

GET /<name> streams a file from DIR (http.server's SimpleHTTPRequestHandler: 64 KiB copies);
PUT /<name> streams the request body to DIR/<name> in 1 MiB reads. Usage: transfer_baseline.py DIR PORT
"""
import http.server
import os
import shutil
import sys

DIR = sys.argv[1]


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=DIR, **kwargs)

    def log_message(self, *args):
        pass

    def do_PUT(self):
        left = int(self.headers["Content-Length"])
        with open(os.path.join(DIR, os.path.basename(self.path)), "wb") as out:
            while left > 0:
                block = self.rfile.read(min(left, 1 << 20))
                if not block:
                    break
                out.write(block)
                left -= len(block)
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def copyfile(self, source, outputfile):
        # sendfile when available, as a static server would
        try:
            os.sendfile(outputfile.fileno(), source.fileno(), 0, os.fstat(source.fileno()).st_size)
        except (AttributeError, OSError):
            shutil.copyfileobj(source, outputfile, 1 << 20)


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), Handler).serve_forever()
