"""`portal serve --workers N`: every serving process listens on the port with a socket of its own
(SO_REUSEPORT), and the kernel spreads new connections over them. With one socket shared by all,
as uvicorn shares it, whichever process wakes first accepts every connection waiting, so keep-alive
connections opened together (a proxy's pool, a load test) can all stay with one process."""

import socket
from typing import Any


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to host:port that other processes may bind too; serving it makes it listen."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


class OwnSocket:
    """In the supervisor, the socket each serving process opens for itself: the supervisor hands it
    to every process it starts, and unpickling it there binds that process's own socket."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return listening_socket, (self.host, self.port)
