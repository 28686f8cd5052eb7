"""A WHOIS server on 127.0.0.1, as a thread of the process that starts it: the end-to-end
tests run one in the test process, and `host.py --whois-reply` one in the process of the app."""

import socketserver
import threading


def serve_whois(reply):
    """Starts a WHOIS server on 127.0.0.1 (port 0) that answers every query line with `reply`
    (bytes), then closes. Returns the server (to `shutdown` and `server_close`) and its
    `host:port`."""

    class Handler(socketserver.StreamRequestHandler):
        def handle(self):
            self.rfile.readline()
            self.wfile.write(reply)

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address
    return server, f"{host}:{port}"
