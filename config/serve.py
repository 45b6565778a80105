"""The production server: ``python -m config.serve`` (what ``make serve`` and the container run).

Waitress reads each request whole in its I/O loop before a worker thread sees it, so clients
that trickle their headers (or a body) hold a socket, never a worker: the site keeps answering
everyone else. Gunicorn's sync workers, which we used before, are held by such a client for
the whole request. A buffering proxy in front (nginx in ``compose.yaml``) adds the same
protection and TLS, but the server holds on its own.

Behind a proxy, set ``TRUSTED_PROXY`` (its address, or ``*``) and ``TRUSTED_PROXY_COUNT``: only
then does the client address come from ``X-Forwarded-For``, and only that many hops of it.
"""

from __future__ import annotations

import argparse
import os

from waitress import serve


def options_from_env(host: str, port: int) -> dict:
    options = {
        "host": host,
        "port": port,
        "threads": int(os.environ.get("WEB_THREADS", "8")),
        # Sockets are cheap in the I/O loop; workers are not. Many slow clients fit here.
        "connection_limit": int(os.environ.get("WEB_CONNECTION_LIMIT", "1000")),
        "channel_timeout": int(os.environ.get("WEB_CHANNEL_TIMEOUT", "30")),
        "max_request_body_size": int(os.environ.get("WEB_MAX_BODY", str(8 * 1024 * 1024))),
        "max_request_header_size": 64 * 1024,
        "ident": "clausewise",
    }
    proxy = os.environ.get("TRUSTED_PROXY")
    if proxy:
        options |= {
            "trusted_proxy": proxy,
            "trusted_proxy_count": int(os.environ.get("TRUSTED_PROXY_COUNT", "1")),
            "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto"},
            "clear_untrusted_proxy_headers": True,
        }
    return options


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from config.wsgi import application

    serve(application, **options_from_env(args.host, args.port))


if __name__ == "__main__":
    main()
