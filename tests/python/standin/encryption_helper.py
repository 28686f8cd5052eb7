"""The platform's `encryption_helper` (a top-level module on the platform): encrypts values that
apps keep in their state, salted with the asset id. The stand-in's cipher is a keyed stream with
a check tag: reversible, never the plain text, and a value decrypts only with its own salt. It is
not cryptography: it only has to behave like the platform's helper."""

import base64
import hashlib

PREFIX = "standin:"


def _mask(data, salt):
    stream = b""
    counter = 0
    while len(stream) < len(data):
        stream += hashlib.sha256(f"{salt}:{counter}".encode()).digest()
        counter += 1
    return bytes(a ^ b for a, b in zip(data, stream))


def _tag(data, salt):
    return hashlib.sha256(salt.encode() + b"\0" + data).digest()[:8]


def encrypt(plain, salt):
    data = str(plain).encode()
    return PREFIX + base64.b64encode(_tag(data, salt) + _mask(data, salt)).decode()


def decrypt(cipher, salt):
    if not cipher.startswith(PREFIX):
        raise ValueError("not a value of this encryption helper")
    raw = base64.b64decode(cipher[len(PREFIX):])
    tag, data = raw[:8], _mask(raw[8:], salt)
    if tag != _tag(data, salt):
        raise ValueError("the value was not encrypted with this salt")
    return data.decode()
