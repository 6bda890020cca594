"""Checks external addresses: bounded concurrency, a timeout, retries and a per-host rate limit.

Hand-written on httpx's async client rather than LinkChecker: LinkChecker is a GPL command-line
crawler, not a library, and would crawl pages where we only need to ask about known addresses.
Each address gets one of the ``LinkStatus.Status`` values; nothing here touches the database.
"""

import asyncio
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from core.models import LinkStatus

Status = LinkStatus.Status
GONE_CODES = {404, 410}
# Worth another try: the server or the network may be busy.
RETRY_CODES = {408, 425, 429, 500, 502, 503, 504}
USER_AGENT = "Menetelmapankki-linkcheck/1.0 (+checks that links in the method bank still work)"


@dataclass
class Result:
    url: str
    status: str
    http_status: int | None = None
    final_url: str = ""
    error: str = ""


def is_checkable(url):
    """An absolute http(s) address with a host; anything else is never requested."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in url


class HostLimiter:
    """One request at a time per host, and at least ``interval`` seconds between the starts of two."""

    def __init__(self, interval):
        self.interval = interval
        self.locks = {}
        self.last_start = {}

    @asynccontextmanager
    async def slot(self, host):
        async with self.locks.setdefault(host, asyncio.Lock()):
            wait = self.last_start.get(host, 0) + self.interval - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self.last_start[host] = time.monotonic()
            yield


class LinkChecker:
    def __init__(self, concurrency=8, timeout=10.0, retries=2, host_interval=1.0, retry_delay=1.0, max_redirects=10):
        self.concurrency = concurrency
        self.timeout = timeout
        self.retries = retries
        self.host_interval = host_interval
        self.retry_delay = retry_delay
        self.max_redirects = max_redirects

    def check(self, urls):
        """``{url: Result}`` for every address given; blocks until all are checked."""
        return asyncio.run(self.check_async(urls))

    async def check_async(self, urls):
        semaphore = asyncio.Semaphore(self.concurrency)
        hosts = HostLimiter(self.host_interval)
        async with httpx.AsyncClient(
            timeout=self.timeout,
            follow_redirects=True,
            max_redirects=self.max_redirects,
            headers={"User-Agent": USER_AGENT},
        ) as client:
            results = await asyncio.gather(
                *(self.check_one(client, hosts, semaphore, url) for url in dict.fromkeys(urls))
            )
        return {result.url: result for result in results}

    async def check_one(self, client, hosts, semaphore, url):
        if not is_checkable(url):
            return Result(url, Status.UNREACHABLE, error="Not a web address")
        result = None
        for attempt in range(self.retries + 1):
            if attempt:
                await asyncio.sleep(self.retry_delay * attempt)
            # The host's turn first, then a free connection: a busy host never holds up the others.
            async with hosts.slot(urlsplit(url).hostname), semaphore:
                result, retry = await self.request(client, url)
            if not retry:
                break
        return result

    async def request(self, client, url):
        """``(Result, worth retrying)`` for one GET; the body is never read."""
        try:
            async with client.stream("GET", url) as response:
                code = response.status_code
                redirected = bool(response.history)
                final = str(response.url)
        except httpx.TooManyRedirects:
            return Result(url, Status.UNREACHABLE, error="Too many redirects"), False
        except httpx.TimeoutException:
            return Result(url, Status.UNREACHABLE, error="Timed out"), True
        except (httpx.HTTPError, OSError) as error:
            return Result(url, Status.UNREACHABLE, error=type(error).__name__), True
        if code in GONE_CODES:
            return Result(url, Status.GONE, http_status=code), False
        if code >= 400:
            return Result(url, Status.UNREACHABLE, http_status=code, error=f"HTTP {code}"), code in RETRY_CODES
        if redirected:
            return Result(url, Status.REDIRECTED, http_status=code, final_url=final), False
        return Result(url, Status.OK, http_status=code), False
