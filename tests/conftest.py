"""Shared fixtures: real Chroma in temp dirs, the real packaged model, the seeds.

The network guard is installed for the whole session: any attempt to reach a
non-loopback address (a telemetry ping, a hub download) is recorded and fails
the test that caused it, because the product must run with no internet.
"""

from __future__ import annotations

import ipaddress
import json
import socket
from pathlib import Path

import pytest

import config
from config import Settings

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "samples"
SHARED = REPO.parent / "shared"
SEED_IDS = sorted(p.stem for p in SAMPLES.glob("*.txt"))

#: Every non-loopback connection or lookup attempted during the session.
NETWORK_ATTEMPTS: list[str] = []


def _is_loopback(host) -> bool:
    if host in (None, "", "localhost") or (isinstance(host, str) and host.endswith(".localhost")):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False  # a name other than localhost means a DNS lookup: not offline


def _guard(family_address) -> None:
    if isinstance(family_address, tuple) and family_address and not _is_loopback(family_address[0]):
        NETWORK_ATTEMPTS.append(repr(family_address))
        raise ConnectionRefusedError(f"test network guard: non-loopback connection to {family_address!r}")


@pytest.fixture(scope="session", autouse=True)
def network_guard():
    real_connect, real_connect_ex, real_getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

    def connect(self, address):
        _guard(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        _guard(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if not _is_loopback(host):
            NETWORK_ATTEMPTS.append(f"getaddrinfo({host!r})")
            raise socket.gaierror(f"test network guard: lookup of {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
    yield NETWORK_ATTEMPTS
    socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = real_connect, real_connect_ex, real_getaddrinfo


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Fresh settings over an empty store in a temp dir."""
    return Settings(home=tmp_path / "isnad", collection="test")


@pytest.fixture(scope="session")
def seeded_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("seeded")


@pytest.fixture(scope="session")
def seeded_service(seeded_home: Path):
    """One Isnad over the five seed articles, shared by read-only tests."""
    from bot.service import Isnad

    service = Isnad(Settings(home=seeded_home, collection="seeds"))
    report = service.ensure_samples()
    assert report is not None and len(report.added) == len(SEED_IDS), report
    return service


@pytest.fixture(scope="session")
def own_seeded_service(tmp_path_factory):
    """Make an Isnad over the five seeds in a folder of its own, for a module whose tests change its collection."""
    from bot.service import Isnad

    def make(name: str) -> Isnad:
        service = Isnad(Settings(home=tmp_path_factory.mktemp(name), collection=name))
        service.ensure_samples()
        return service

    return make


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def dev_items() -> list[dict]:
    path = SHARED / "eval" / "seed_dev_questions.json"
    if not path.exists():
        pytest.skip(f"{path} not found: the shared folder must sit beside the repo")
    return json.loads(path.read_text(encoding="utf-8"))["items"]


__all__ = ["REPO", "SAMPLES", "SHARED", "SEED_IDS", "NETWORK_ATTEMPTS", "config"]
