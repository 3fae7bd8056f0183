"""Downloading another region's needs.json (`make landelijk REGIOS="https://…"`), bounded.

Whoever controls a region's address controls what this machine fetches, so:

- an address starts with https://; http:// only for a host on this machine or in a private
  network that the user named (a test server, an intranet);
- a redirect is followed only to https://, at most MAX_OMLEIDINGEN times;
- every connection, the first and each redirect's, goes to an address resolved and checked
  here (never to loopback, link-local, private or other non-public addresses, unless the
  user named that host in REGIOS) and the socket connects to exactly that checked address,
  so a second DNS answer cannot swap it (DNS rebinding);
- no proxy from the environment (it would connect to the target instead of us);
- at most MAX_BYTES, and MAX_SECONDEN in total for the whole download: a timer closes the
  connection when the time is up, so a server that sends one byte every few seconds is cut off
  at the limit, not after a per-read timeout per byte.

Only the standard library: urllib with its handlers replaced where they connect and redirect.
"""

from __future__ import annotations

import errno
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from hgkm.model.messages import landelijk as M

#: The largest needs.json read from a file or an address (a region's is a few MB).
MAX_BYTES = 50 * 1024 * 1024
#: The longest a download of one region may take, from the first DNS lookup to the last byte.
MAX_SECONDEN = 60.0
#: Redirects followed for one region.
MAX_OMLEIDINGEN = 5
_BLOK = 64 * 1024


@dataclass(frozen=True)
class Melding:
    """A message of the catalogue, filled in: what is wrong (oorzaak) and what to do (oplossing)."""

    code: str
    oorzaak: str
    oplossing: str

    def __str__(self) -> str:
        return f"{self.oorzaak} {self.oplossing}"


def melding(message: M.Message, **waarden: object) -> Melding:
    oorzaak, oplossing = message.teksten(waarden)
    return Melding(message.code, oorzaak, oplossing)


class OphaalFout(Exception):
    """A Dutch message from the catalogue: why the file was not fetched."""

    def __init__(self, melding_: Melding) -> None:
        super().__init__(str(melding_))
        self.melding = melding_


def host_van(adres: str) -> str:
    """The host of an address as the checks compare it (lower case, IPv6 without brackets)."""
    try:
        return (urlsplit(adres).hostname or "").lower()
    except ValueError:
        return ""


def genoemde_hosts(adressen: Iterable[str]) -> frozenset[str]:
    """The hosts the user named in REGIOS: those may be on this machine or a private network."""
    return frozenset(h for a in adressen if "://" in a and (h := host_van(a)))


def openbaar(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is on the public internet (not loopback, private, link-local, …).

    An IPv6 address that carries an IPv4 one (mapped, 6to4, NAT64) is judged by that one.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        ingebed = ip.ipv4_mapped or ip.sixtofour
        if ingebed is None and ip in ipaddress.IPv6Network("64:ff9b::/96"):
            ingebed = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if ingebed is not None:
            return openbaar(ingebed)
    return ip.is_global and not ip.is_multicast


class _Download:
    """One region's download: its deadline, its sockets, the hop it is at."""

    def __init__(self, adres: str, genoemd: frozenset[str], seconden: float) -> None:
        self.adres = adres
        self.hop = adres
        self.genoemd = genoemd
        self.seconden = seconden
        self.einde = time.monotonic() + seconden
        self.afgebroken = threading.Event()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconden, self.afbreken)
        self._timer.daemon = True

    def __enter__(self) -> _Download:
        self._timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()

    def afbreken(self) -> None:
        """The time is up: every connection of this download stops now, also a blocked read."""
        with self._lock:
            self.afgebroken.set()
            for sock in self._sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed by the other side: nothing left to stop

    def rest(self) -> float:
        over = self.einde - time.monotonic()
        if over <= 0 or self.afgebroken.is_set():
            raise OphaalFout(melding(M.TE_TRAAG, regio=self.adres, seconden=f"{self.seconden:g}"))
        return over

    def adressen(self, host: str, port: int) -> list[tuple]:
        """getaddrinfo within the deadline (a lookup cannot be interrupted: it runs aside)."""
        uitkomst: list = []

        def zoek() -> None:
            try:
                uitkomst.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
            except OSError as exc:
                uitkomst.append(exc)

        draad = threading.Thread(target=zoek, daemon=True)
        draad.start()
        draad.join(self.rest())
        if not uitkomst:
            self.rest()  # raises: the time is up
            raise OphaalFout(melding(M.OPHALEN, regio=self.adres, reden="de naam van de server is niet gevonden"))
        if isinstance(uitkomst[0], OSError):
            raise OphaalFout(melding(M.OPHALEN, regio=self.adres,
                                     reden=f"de naam van de server {host} is niet gevonden"))
        return uitkomst[0]

    def gecontroleerd(self, host: str, port: int) -> list[tuple]:
        """The addresses of `host`, each checked; refused if one is not public and the host not named."""
        infos = self.adressen(host, port)
        if host.lower() not in self.genoemd:
            for info in infos:
                ip = ipaddress.ip_address(info[4][0].split("%")[0])
                if not openbaar(ip):
                    raise OphaalFout(melding(M.OMLEIDING_INTERN, regio=self.adres, adres=self.hop, ip=str(ip)))
        return infos

    def verbind(self, address: tuple[str, int], timeout: object = None, source_address: object = None) -> socket.socket:
        """http.client's `_create_connection`: to a checked address, within the deadline."""
        host, port = address
        fout: OSError | None = None
        for family, soort, proto, _, sockaddr in self.gecontroleerd(host, port):
            sock = socket.socket(family, soort, proto)
            with self._lock:
                if self.afgebroken.is_set():
                    sock.close()
                    break
                self._sockets.append(sock)
            try:
                sock.settimeout(self.rest())
                sock.connect(sockaddr)
                return sock
            except OSError as exc:
                fout = exc
        self.rest()
        raise fout or OSError("geen adres")

    def verbinding(self, klasse: type[http.client.HTTPConnection]):  # noqa: ANN201 (a class-like factory)
        def maak(host: str, **kwargs: object) -> http.client.HTTPConnection:
            conn = klasse(host, **kwargs)
            conn._create_connection = self.verbind  # type: ignore[attr-defined]  # noqa: SLF001
            return conn
        return maak


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, download: _Download) -> None:
        super().__init__()
        self.download = download

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self.download.verbinding(http.client.HTTPConnection), req)


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, download: _Download, context: ssl.SSLContext) -> None:
        super().__init__(context=context)
        self.download = download
        self.tls = context

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self.download.verbinding(http.client.HTTPSConnection), req, context=self.tls)


class _Omleiding(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_OMLEIDINGEN

    def __init__(self, download: _Download) -> None:
        super().__init__()
        self.download = download

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201 (urllib's signature)
        if urlsplit(newurl).scheme.lower() != "https":
            raise OphaalFout(melding(M.OMLEIDING_HTTP, regio=self.download.adres, adres=_kort(newurl)))
        self.download.hop = _kort(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OS_REDENEN = {
    errno.ENOENT: "een map in het pad bestaat niet",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EISDIR: "dit is een map",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.EROFS: "de schijf is alleen te lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EEXIST: "er staat al iets met die naam",
    errno.ENAMETOOLONG: "de naam is te lang",
}


def os_reden(exc: OSError) -> str:
    """Why a file or folder could not be read or written, in Dutch."""
    return _OS_REDENEN.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def _kort(tekst: str, lengte: int = 120) -> str:
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def _reden(exc: BaseException) -> str:
    """Why a download failed, in Dutch."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"de server antwoordde {exc.code} {_kort(str(exc.reason), 60)}"
    if isinstance(exc, urllib.error.URLError):
        exc = exc.reason if isinstance(exc.reason, BaseException) else exc
    if isinstance(exc, ssl.SSLCertVerificationError):
        return "het certificaat van de server is niet geldig"
    if isinstance(exc, ssl.SSLError):
        return "de versleutelde verbinding lukte niet"
    if isinstance(exc, ConnectionRefusedError):
        return "de server weigert de verbinding"
    if isinstance(exc, TimeoutError | socket.timeout):
        return "de server antwoordt niet"
    if isinstance(exc, http.client.HTTPException):
        return "de server brak het antwoord af"
    return _kort(f"{type(exc).__name__}: {exc}", 120)


def ophalen(adres: str, genoemd: frozenset[str] | None = None, *, max_bytes: int = MAX_BYTES,
            seconden: float = MAX_SECONDEN, context: ssl.SSLContext | None = None) -> bytes:
    """The bytes at `adres` (http:// or https://), or OphaalFout with a Dutch message.

    `genoemd`: the hosts the user named (genoemde_hosts of REGIOS; `adres`'s own host is
    always named). `context`: the TLS context (default: the system's certificates).
    """
    genoemd = frozenset(genoemd or ()) | {host_van(adres)}
    delen = urlsplit(adres)
    if delen.scheme.lower() not in ("http", "https") or not delen.hostname:
        raise OphaalFout(melding(M.ADRES, regio=adres))
    with _Download(adres, genoemd, seconden) as download:
        if delen.scheme.lower() == "http":
            for info in download.adressen(delen.hostname, delen.port or 80):
                if openbaar(ipaddress.ip_address(info[4][0].split("%")[0])):
                    raise OphaalFout(melding(M.HTTP, regio=adres))
        opener = urllib.request.OpenerDirector()
        for handler in (urllib.request.ProxyHandler({}), urllib.request.UnknownHandler(), _HTTP(download),
                        _HTTPS(download, context or ssl.create_default_context()), _Omleiding(download),
                        urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor()):
            opener.add_handler(handler)
        verzoek = urllib.request.Request(adres, headers={"User-Agent": "hgkm-landelijk",
                                                         "Accept": "application/json"})
        try:
            with opener.open(verzoek, timeout=download.rest()) as antwoord:
                lengte = antwoord.headers.get("Content-Length", "")
                if lengte.isdigit() and int(lengte) > max_bytes:
                    raise OphaalFout(melding(M.TE_GROOT, regio=adres, grootte=grootte(max_bytes)))
                delen_: list[bytes] = []
                totaal = 0
                while blok := antwoord.read1(_BLOK):
                    totaal += len(blok)
                    if totaal > max_bytes:
                        raise OphaalFout(melding(M.TE_GROOT, regio=adres, grootte=grootte(max_bytes)))
                    delen_.append(blok)
                    download.rest()
                download.rest()  # a connection cut by the timer may end like a short answer
                return b"".join(delen_)
        except OphaalFout:
            raise
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if download.afgebroken.is_set() or time.monotonic() >= download.einde:
                raise OphaalFout(melding(M.TE_TRAAG, regio=adres, seconden=f"{seconden:g}")) from None
            raise OphaalFout(melding(M.OPHALEN, regio=adres, reden=_reden(exc))) from None


def grootte(aantal: int) -> str:
    """A number of bytes as a reader says it: 50 MB, 1 kB."""
    return f"{aantal / 2**20:g} MB" if aantal >= 2**20 else f"{aantal / 1024:g} kB"
