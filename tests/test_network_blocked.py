"""The suite runs with sockets blocked: prove the block is really on."""

import socket

import pytest
from pytest_socket import SocketBlockedError


def test_sockets_are_blocked() -> None:
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
