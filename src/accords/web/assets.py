"""Third-party browser code served from the installed Python packages, never from a CDN.

The charts use plotly.js from the `plotly` package, and /docs is Swagger UI from the
`swagger-ui-bundle-v2` package (importable as `swagger_ui_bundle`), so every page works on a
machine without internet access and no copy of either is kept in this repository.
"""

from __future__ import annotations

from pathlib import Path

import plotly
import swagger_ui_bundle
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse

from accords.web.errors import NotFound
from accords.web.rendering import render

router = APIRouter(include_in_schema=False)

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
SWAGGER_DIR = Path(swagger_ui_bundle.swagger_ui_path)
_SWAGGER_FILES = {"swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png", "favicon-16x16.png"}
_CACHE = {"cache-control": "public, max-age=86400"}


@router.get("/vendor/plotly.min.js")
def plotly_js() -> FileResponse:
    """plotly.js as the installed plotly package ships it."""
    return FileResponse(PLOTLY_JS, media_type="text/javascript", headers=_CACHE)


@router.get("/vendor/swagger-ui/{name}")
def swagger_asset(name: str) -> FileResponse:
    """One of the few Swagger UI files /docs needs, from the installed bundle."""
    if name not in _SWAGGER_FILES:
        raise NotFound(f"no asset {name!r}")
    return FileResponse(SWAGGER_DIR / name, headers=_CACHE)


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    """The interactive API reference (Swagger UI) over /openapi.json."""
    return render(request, "docs.html", {})
