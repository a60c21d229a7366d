"""The web app: server-rendered pages and a JSON API over one register (see `accords.web.app`)."""

from accords.web.app import create_app

__all__ = ["create_app"]
