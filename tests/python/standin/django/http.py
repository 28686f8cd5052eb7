"""`HttpRequest`, `QueryDict` and `HttpResponse` as Django has them, as far as a REST handler of
the platform reads and writes them."""


class QueryDict:
    """Names with lists of values, in order, as Django's `QueryDict` (the query, a form body)."""

    def __init__(self, lists=None):
        self._lists = {name: list(values) for name, values in (lists or {}).items()}

    def lists(self):
        """Each name with all its values."""
        return iter(self._lists.items())

    def get(self, name, default=None):
        """The last value of `name`, as Django gives it."""
        values = self._lists.get(name)
        return values[-1] if values else default


class RawPostDataException(Exception):
    """Django's error for a body read after a multipart form was parsed from it."""


class HttpRequest:
    """One request: `method`, `path`, `GET`, `POST`, `headers` and the raw `body`. A request made
    with `body_read=True` refuses its body as Django does once its stream has been read."""

    def __init__(self, method, path, query=None, form=None, headers=None, body=b"", body_read=False):
        self.method = method
        self.path = path
        self.GET = QueryDict(query)
        self.POST = QueryDict(form)
        self.headers = dict(headers or {})
        self._body = body
        self._body_read = body_read

    @property
    def body(self):
        if self._body_read:
            raise RawPostDataException("You cannot access body after reading from request's data stream")
        return self._body


class HttpResponse:
    """A response: content as bytes, a status, and headers set by item, names in any case."""

    def __init__(self, content=b"", content_type=None, status=200):
        self.content = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        self.status_code = int(status)
        self._headers = {"content-type": ("Content-Type", content_type or "text/html; charset=utf-8")}

    def __setitem__(self, name, value):
        self._headers[name.lower()] = (name, value)

    def __getitem__(self, name):
        return self._headers[name.lower()][1]

    def items(self):
        """The headers, each as (name, value)."""
        return list(self._headers.values())
