"""Helpers for tests that use programs from outside the project: serving a built site,
and requiring a tool (skip with how to install it; under CI fail, never skip)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parent / "tools"
NODE_MODULES = TOOLS / "node_modules"
CHROMIUM = Path("/usr/bin/chromium")
#: Chromium's flags on a machine without a screen or an open network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def under_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"true", "1", "yes"}


def require(present: bool, message: str) -> None:
    """Skip when a tool is missing, saying how to install it; under CI fail instead."""
    if present:
        return
    if under_ci():
        pytest.fail(message)
    pytest.skip(message)


def require_chromium() -> None:
    require(CHROMIUM.exists(), f"{CHROMIUM} ontbreekt: installeer het met 'sudo apt-get install chromium'.")


def require_node_tool(relative: str) -> Path:
    """A file of the npm packages in tests/tools (installed by `make test`)."""
    require(shutil.which("node") is not None, "Node.js ontbreekt: installeer het met 'sudo apt-get install nodejs npm'.")
    path = NODE_MODULES / relative
    require(path.exists(), f"{path} ontbreekt: 'make test' installeert het (npm ci in tests/tools).")
    return path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        """No line per request in the test output."""


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 on a free port; yield its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=folder))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
