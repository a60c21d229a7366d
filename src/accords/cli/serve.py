"""`accords serve`: the web app over a register, on loopback unless a token guards its changes."""

from __future__ import annotations

from types import FrameType

import click

from accords.cli.register import of_option, register_option
from accords.errors import AccordsError
from accords.read import DEFAULT_MAX_BYTES
from accords.store import connect
from accords.web.workers import Limits

#: How long a stopping server waits for the requests it is answering.
GRACE_SECONDS = 5


@click.command()
@register_option("The register file (made empty if missing, to fill from the upload page).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--token",
    envvar="ACCORDS_TOKEN",
    show_envvar=True,
    default=None,
    help="Required by every request that changes data; needed to serve on a non-loopback address.",
)
@click.option("--max-upload", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(min=0),
              help="Largest upload, in bytes.")
@click.option("--upload-seconds", default=Limits.seconds, show_default=True, type=click.FloatRange(min=0.1),
              help="Longest the reading of one upload may take.")
@click.option("--upload-memory", default=Limits.memory // 1_000_000, show_default=True, type=click.IntRange(min=1),
              help="Memory, in MB, the reading of one upload may take beyond the loaded pipeline.")
@of_option
def serve(db: str, host: str, port: int, token: str | None, max_upload: int, upload_seconds: float,
          upload_memory: int, of: str | None) -> None:
    """Serve the register in a browser and as a JSON API (http://127.0.0.1:8000, API docs at /docs).

    Uploads are read in worker processes under a time and memory limit. SIGTERM or Ctrl-C stops
    the server at once: uploads being read are cut short and answered 503.
    """
    import uvicorn

    from accords.web.app import create_app
    from accords.web.security import is_loopback
    from accords.web.workers import workers

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            workers.stop()
            super().handle_exit(sig, frame)

    if not is_loopback(host) and not token:
        raise click.UsageError(
            f"serving on {host} lets others change the register: give --token (or ACCORDS_TOKEN)"
        )
    try:
        connect(db, create=True).close()
        limits = Limits(seconds=upload_seconds, memory=upload_memory * 1_000_000)
        app = create_app(db, token, max_upload=max_upload, upload_limits=limits, home=of)
    except AccordsError as exc:
        raise click.ClickException(str(exc)) from None
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Accords: serving {db} on http://{shown}:{port} (API docs at /docs); Ctrl-C stops", err=True)
    workers.warm()
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=GRACE_SECONDS)
    Server(config).run()


