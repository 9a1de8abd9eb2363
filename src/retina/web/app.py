"""The FastAPI application: HTML pages, JSON API and static files over one store."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

import retina
from retina.errors import StoreError
from retina.ingest.guard import AddressGuard
from retina.ingest.poller import PollerSettings, run_poller
from retina.store import Store
from retina.web import api, pages, sources_api

STATIC_DIR = Path(__file__).with_name("static")


def create_app(
    home: Path | str, *, poller: PollerSettings | None = None, poll: bool = False
) -> FastAPI:
    """The web app over the store in data directory `home`.

    The store is opened (and migrated) here, so a bad database fails before serving.
    With `poll`, the poller runs in the background while the app serves.
    """
    store = Store.open(home)
    settings = poller or PollerSettings()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        stop = asyncio.Event()
        task = asyncio.create_task(run_poller(store, settings, stop)) if poll else None
        yield
        stop.set()
        if task is not None:
            task.cancel()  # an item being fetched is fetched again after a restart
            with contextlib.suppress(asyncio.CancelledError):
                await task
        store.close()

    app = FastAPI(title="Retina", version=retina.__version__, lifespan=lifespan, docs_url=None)
    app.state.store = store
    app.state.poller = settings
    app.state.guard = AddressGuard.from_environment(settings.allow)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _mount_api_docs(app)
    app.include_router(api.router)
    app.include_router(sources_api.router)
    app.include_router(pages.router)
    app.exception_handler(HTTPException)(_http_error)
    app.exception_handler(StoreError)(_store_error)
    app.exception_handler(RequestValidationError)(_invalid_request)
    return app


def _mount_api_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the swagger-ui-bundle package: no CDN, works offline."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> Response:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="Retina API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png",
        )


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _http_error(request: Request, error: HTTPException) -> Response:
    """JSON errors for the API, an HTML page for a page not found."""
    if error.status_code == 404 and not _is_api(request):
        return pages.not_found(request, "There is no page at this address.")
    return await http_exception_handler(request, error)


async def _invalid_request(request: Request, error: RequestValidationError) -> Response:
    """JSON details for the API; for a reader page, an HTML page naming what is wrong
    ("page: Input should be less than or equal to 40000000000")."""
    if _is_api(request):
        return await request_validation_exception_handler(request, error)
    problems = "; ".join(
        f"{problem['loc'][-1]}: {problem['msg']}" for problem in error.errors()[:3]
    )
    return pages.error_page(request, 422, "Bad address", problems)


async def _store_error(request: Request, error: StoreError) -> Response:
    """A database failure while serving: a 500 with the one-line reason, no traceback."""
    if _is_api(request):
        return JSONResponse({"detail": str(error)}, status_code=500)
    return pages.error_page(request, 500, "Database error", str(error))
