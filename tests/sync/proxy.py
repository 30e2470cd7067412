"""A small TCP proxy on 127.0.0.1 that cuts a connection after so many bytes (fault tests).

Threads and sockets only; every socket has a timeout and `close()` stops everything, so a
test can neither hang on it nor leak it.
"""

from __future__ import annotations

import contextlib
import socket
import threading

SOCKET_TIMEOUT_S = 30.0
CHUNK = 16 * 1024


class CuttingProxy:
    """Forwards to (host, port); once a connection has carried `cut_after` bytes in
    `direction` ("up": client → server, "down": server → client), both ends are closed."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        cut_after: int | None,
        direction: str = "up",
        listen_port: int = 0,
    ):
        assert direction in ("up", "down")
        self.target = (host, port)
        self.cut_after = cut_after
        self.direction = direction
        self.cuts = 0
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        # listen_port: a proxy closed and opened again on its port is a server that went away
        # and came back.
        self._listener = socket.create_server(("127.0.0.1", listen_port))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._start(self._accept_loop)

    def _start(self, target, *args) -> None:  # type: ignore[no-untyped-def]
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=SOCKET_TIMEOUT_S)
            except OSError:
                client.close()
                continue
            client.settimeout(SOCKET_TIMEOUT_S)
            pair = (client, upstream)
            with self._lock:
                self._sockets.extend(pair)
            counter = [0]
            self._start(self._pump, client, upstream, pair, counter, self.direction == "up")
            self._start(self._pump, upstream, client, pair, counter, self.direction == "down")

    def _pump(self, src, dst, pair, counter, counted: bool) -> None:  # type: ignore[no-untyped-def]
        try:
            while not self._stop.is_set():
                data = src.recv(CHUNK)
                if not data:
                    break
                if counted and self.cut_after is not None:
                    with self._lock:
                        counter[0] += len(data)
                        cut = counter[0] > self.cut_after
                    if cut:
                        with self._lock:
                            self.cuts += 1
                        break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in pair:
                _close(s)

    def close(self) -> None:
        self._stop.set()
        _close(self._listener)
        with self._lock:
            for s in self._sockets:
                _close(s)
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> CuttingProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _close(s: socket.socket) -> None:
    with contextlib.suppress(OSError):
        s.shutdown(socket.SHUT_RDWR)
    s.close()
