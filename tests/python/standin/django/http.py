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


class BadHeaderError(ValueError):
    """Django's error for a header value with a line break."""


class HttpResponse:
    """A response: content as bytes, a status, and headers set by item, names in any case. As
    Django, it refuses a status outside 100 to 599 and a header value with a line break; and,
    for the tests, every header while `refuse_headers` is set."""

    refuse_headers = False

    def __init__(self, content=b"", content_type=None, status=200):
        self.content = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        self.status_code = int(status)
        if not 100 <= self.status_code <= 599:
            raise ValueError("HTTP status code must be an integer from 100 to 599.")
        self._headers = {"content-type": ("Content-Type", content_type or "text/html; charset=utf-8")}

    def __setitem__(self, name, value):
        if HttpResponse.refuse_headers or "\n" in value or "\r" in value:
            raise BadHeaderError(f"Header values can't contain newlines (got {value!r})")
        self._headers[name.lower()] = (name, value)

    def __getitem__(self, name):
        return self._headers[name.lower()][1]

    def items(self):
        """The headers, each as (name, value)."""
        return list(self._headers.values())
