"""Uploads are read in worker processes under a time and a memory limit, off the server's event
loop, and `accords serve` stops at once on SIGTERM: each in a real server process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from web_fixtures import free_port

SLOW = "1. a\n" * 300_000
"""1.5 MB of one-word provisions: a minute or more of reading on these machines."""
BIG = "The two sides agreed to raise bilateral trade to USD 5 billion by 2030 and to cooperate on energy. " * 40_000
"""4 MB in one paragraph: far more memory than a few megabytes to read."""
GOOD = "1. The two sides agreed to raise bilateral trade to USD 5 billion by 2030.\n"


class Served:
    def __init__(self, process: subprocess.Popen[bytes], url: str) -> None:
        self.process = process
        self.url = url


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[object]:
    started: list[subprocess.Popen[bytes]] = []

    def start(*options: str) -> Served:
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "accords.cli", "serve", "--db", str(tmp_path / "r.db"), "--port", str(port),
             *options],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        started.append(process)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/api/documents", timeout=5)
                return Served(process, url)
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.2)

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def _upload(url: str, text: str, name: str) -> httpx.Response:
    return httpx.post(f"{url}/api/ingest/text", json={"text": text, "name": name}, timeout=600)


def _descendants(pid: int) -> set[int]:
    """Every process below `pid`, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found: set[int] = set()
    pending = [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            found.add(child)
            pending.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_an_upload_over_the_time_limit_is_stopped_and_the_server_answers_meanwhile(serve: object) -> None:
    server = serve("--upload-seconds", "3")  # type: ignore[operator]
    assert _upload(server.url, GOOD, "warm.txt").status_code == 200  # the workers are ready
    answers: list[httpx.Response] = []
    thread = threading.Thread(target=lambda: answers.append(_upload(server.url, SLOW, "slow.txt")))
    started = time.monotonic()
    thread.start()
    time.sleep(1)
    page_started = time.monotonic()
    assert httpx.get(f"{server.url}/api/documents", timeout=30).status_code == 200
    assert time.monotonic() - page_started < 5  # the event loop is free while the upload is read
    thread.join(timeout=120)
    assert time.monotonic() - started < 30
    assert answers[0].status_code == 422
    assert answers[0].json()["detail"] == "slow.txt: reading it took longer than the limit of 3 s"
    assert _upload(server.url, GOOD.replace("5", "6"), "after.txt").status_code == 200


def test_an_upload_over_the_memory_limit_is_stopped(serve: object) -> None:
    server = serve("--upload-memory", "40")  # type: ignore[operator]
    answer = _upload(server.url, BIG, "big.txt")
    assert answer.status_code == 422
    assert answer.json()["detail"] == "big.txt: reading it needed more than the limit of 40 MB"
    assert _upload(server.url, GOOD, "small.txt").status_code == 200


def test_sigterm_stops_the_server_and_its_workers_while_an_upload_is_read(serve: object) -> None:
    server = serve()  # type: ignore[operator]
    assert _upload(server.url, GOOD, "warm.txt").status_code == 200
    answers: list[object] = []

    def upload() -> None:
        try:
            answers.append(_upload(server.url, SLOW, "slow.txt").status_code)
        except httpx.TransportError as exc:
            answers.append(exc)

    thread = threading.Thread(target=upload)
    thread.start()
    time.sleep(3)
    below = _descendants(server.process.pid)
    stopped = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    server.process.wait(timeout=30)
    assert time.monotonic() - stopped < 15
    thread.join(timeout=30)
    assert below, "the upload was read in a worker process"
    assert answers[0] == 503 or isinstance(answers[0], httpx.TransportError)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in below) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in below)


@pytest.mark.parametrize("form", [False, True], ids=["api", "upload page"])
def test_an_upload_whose_client_leaves_is_stopped(serve: object, form: bool) -> None:
    server = serve()  # type: ignore[operator]
    assert _upload(server.url, GOOD, "warm.txt").status_code == 200
    idle = _descendants(server.process.pid)  # the fork server, ready
    with pytest.raises(httpx.ReadTimeout):  # the client gives up and closes its connection
        if form:
            httpx.post(f"{server.url}/upload", files={"files": ("slow.txt", SLOW.encode())}, timeout=4)
        else:
            httpx.post(f"{server.url}/api/ingest/text", json={"text": SLOW, "name": "slow.txt"}, timeout=4)
    reading = _descendants(server.process.pid) - idle
    assert reading, "the upload is read in a worker process"
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in reading) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in reading)
    assert _upload(server.url, GOOD.replace("5", "7"), "after.txt").status_code == 200
    assert httpx.get(f"{server.url}/api/documents").json()["total"] == 2  # warm.txt and after.txt
