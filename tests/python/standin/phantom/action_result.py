"""`ActionResult`: the result of handling one parameter dict (contract section 3)."""

import json


def render_summary(summary):
    """The message of a result without one: `Key name: value, ...` (the Decisions' rule)."""
    parts = []
    for key, value in summary.items():
        name = key.replace("_", " ")
        name = name[:1].upper() + name[1:]
        shown = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"), ensure_ascii=False)
        parts.append(f"{name}: {shown}")
    return ", ".join(parts)


class ActionResult:
    """One result. The parameter dict given at construction is the one the action acted on;
    its `context` key, if any, is kept apart as the result's context."""

    def __init__(self, param=None):
        param = dict(param or {})
        self._context = param.pop("context", None) or {}
        self._param = param
        self._data = []
        self._summary = {}
        self._status = None
        self._message = None

    def set_status(self, status_code, status_message=None, exception=None):
        self._status = bool(status_code)
        if status_message is not None:
            self._message = str(status_message)
        return self._status

    def get_status(self):
        """True for success, as the platform's getter answers (False before a status is set)."""
        return self._status is True

    def get_param(self):
        return self._param

    def get_data(self):
        return self._data

    def get_summary(self):
        return self._summary

    def get_message(self):
        return self._message if self._message is not None else render_summary(self._summary)

    def add_data(self, item):
        self._data.append(item)
        return item

    def set_summary(self, summary):
        self._summary = dict(summary)
        return self._summary

    def to_dict(self):
        """The result as the connector run result lists it, in the platform's key order."""
        return {
            "data": self._data,
            "extra_data": [],
            "summary": self._summary,
            "status": "success" if self._status is True else "failed",
            "message": self.get_message(),
            "parameter": self._param,
            "context": self._context,
        }
