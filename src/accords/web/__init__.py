"""The web app: server-rendered pages and a JSON API over one register (see `accords.web.app`).

Nothing is imported here, so that the command line can read `accords.web.workers` (the limits of
`accords serve`) without loading the web framework.
"""
