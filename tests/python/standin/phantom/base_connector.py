"""`BaseConnector`: one connector run, step by step as contract section 1 describes it."""

import json
import os
import signal
import sys

from phantom import _store
from phantom.action_result import ActionResult
from phantom.app import APP_ERROR, APP_SUCCESS

MISSING_IDENTIFIER = "Failed to load the connector run JSON. Missing or invalid 'identifier'"
MISSING_CONFIG = "No Config dictionary present in Action JSON"
EXCEPTION_OCCURRED = "Exception Occurred"
ACTION_CANCELLED = "Action cancelled"
DUPLICATE_CONTAINER = "Duplicate container found"
# The container and artifact counts of a scheduled poll (contract section 5, on poll).
SCHEDULED_POLL_COUNT = 4294967295


def __getattr__(name):
    """`APPS_STATE_PATH`, the platform's directory of the apps' state files (`<APPS_STATE_PATH>/
    <appid>/<asset_id>_state.json`, where `BaseConnector.load_state` finds them), is found when
    it is asked for, under the stand-in's home that the test chose."""
    if name == "APPS_STATE_PATH":
        return _store.directory("state")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _cleansed(values):
    """Strings stripped; keys whose value is then empty (or None) deleted."""
    cleaned = {}
    for key, value in values.items():
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            continue
        cleaned[key] = value
    return cleaned


def _succeeded(count):
    return "1 action succeeded" if count == 1 else f"{count} actions succeeded"


class BaseConnector:
    """The hooks a connector overrides (`initialize`, `validate_parameters`, `handle_action`,
    `finalize`, `handle_exception`, `handle_cancel`) and the services it calls. Everything the
    connector reports is kept on the object, so tests can read it: `log` lists the progress and
    log calls."""

    def __init__(self):
        self.log = []
        self._results = []
        self._status = None
        self._message = ""
        self._summary = {}
        self._config = {}
        self._action_json = {}
        self._action_cancelled = False

    # ----- services -----

    def save_progress(self, message, *args):
        self._progress("save_progress", message, args)

    def send_progress(self, message, *args):
        self._progress("send_progress", message, args)

    def _progress(self, kind, message, args):
        text = message.format(*args) if args else message
        self.log.append((kind, text))
        print(f"{kind}: {text}", file=sys.stderr)

    def debug_print(self, tag, dump_object=""):
        self._log_entry("debug_print", tag, dump_object)

    def error_print(self, tag, dump_object=""):
        self._log_entry("error_print", tag, dump_object)

    def _log_entry(self, kind, tag, dump_object):
        shown = dump_object if isinstance(dump_object, str) else json.dumps(dump_object, indent=4)
        self.log.append((kind, tag, shown))
        print(f"{kind}: {tag} {shown}", file=sys.stderr)

    def set_status(self, status_code, status_message="", exception=None):
        self._status = bool(status_code)
        self._message = str(status_message)
        return self._status

    def update_summary(self, summary):
        self._summary.update(summary)
        return self._summary

    def get_config(self):
        return self._config

    def get_action_identifier(self):
        return self._action_json.get("identifier")

    def get_asset_id(self):
        return self._action_json.get("asset_id")

    def get_container_id(self):
        return self._action_json.get("container_id")

    def get_app_id(self):
        return self._app_json().get("appid")

    def add_action_result(self, action_result):
        self._results.append(action_result)
        return action_result

    def is_poll_now(self):
        """Whether the user asked for this poll ("Poll Now"): a scheduled poll passes
        4294967295 as its container count."""
        params = self._action_json.get("parameters") or [{}]
        count = params[0].get("container_count") if isinstance(params[0], dict) else None
        return str(count) != str(SCHEDULED_POLL_COUNT)

    # ----- state (contract section 6) -----

    def _state_file(self):
        return "state", str(self.get_app_id()), f"{self.get_asset_id()}_state.json"

    def load_state(self):
        """The asset's state; the file is created when missing."""
        state = _store.read(None, *self._state_file())
        if state is None:
            state = {}
            _store.write(state, *self._state_file())
        return state

    def save_state(self, state):
        """Writes the asset's state, with the app's version added."""
        state = dict(state, app_version=self._app_json().get("app_version"))
        _store.write(state, *self._state_file())
        return APP_SUCCESS

    # ----- ingestion (contract section 6) -----

    def save_container(self, container, fail_on_duplicate=False):
        """`(status, message, container id)`. A container whose `source_data_identifier` exists
        already resolves to the existing id with the message "Duplicate container found"; it is
        a failure only with `fail_on_duplicate`. Artifacts inside the dict are saved too."""
        if not isinstance(container, dict) or not container.get("name"):
            return APP_ERROR, "A container needs a name", None
        container = dict(container)
        artifacts = container.pop("artifacts", None) or []
        identifier = container.get("source_data_identifier")
        existing = [
            saved for saved in _store.records("containers")
            if identifier is not None and saved.get("source_data_identifier") == identifier
        ]
        if existing:
            status = APP_ERROR if fail_on_duplicate else APP_SUCCESS
            return status, DUPLICATE_CONTAINER, existing[0]["id"]
        container.setdefault("asset_id", self.get_asset_id())
        container_id = _store.add_record("containers", container)
        if artifacts:
            status, message, _ = self.save_artifacts(
                [dict(artifact, container_id=container_id) for artifact in artifacts]
            )
            if not status:
                return status, message, container_id
        return APP_SUCCESS, "Container created", container_id

    def save_artifacts(self, artifacts):
        """`(status, message, ids)`: one id per artifact, in order. An artifact whose
        `source_data_identifier` exists in its container already is not saved again: its id is
        the existing one's."""
        containers = {saved["id"] for saved in _store.records("containers")}
        for artifact in artifacts:
            if artifact.get("container_id") not in containers:
                return APP_ERROR, f"Container {artifact.get('container_id')} not found", None
        saved = _store.records("artifacts")
        before = len(saved)
        known = {
            (artifact["container_id"], artifact["source_data_identifier"]): artifact["id"]
            for artifact in saved
            if artifact.get("source_data_identifier") is not None
        }
        ids = []
        for artifact in artifacts:
            key = (artifact["container_id"], artifact.get("source_data_identifier"))
            if key in known:
                ids.append(known[key])
                continue
            ids.append(_store.append(saved, artifact))
            if key[1] is not None:
                known[key] = ids[-1]
        _store.write(saved, "artifacts.json")
        added = len(saved) - before
        return APP_SUCCESS, f"{added} artifacts saved, {len(artifacts) - added} duplicates", ids

    # ----- hooks -----

    def initialize(self):
        return APP_SUCCESS

    def validate_parameters(self, param):
        # The stock contains validators are not part of this stand-in: the bridge's
        # main_module overrides this hook, as every bundle does.
        return APP_SUCCESS

    def handle_action(self, param):
        raise NotImplementedError("a connector overrides handle_action")

    def finalize(self):
        return APP_SUCCESS

    def handle_exception(self, exception):
        pass

    def handle_cancel(self):
        pass

    # ----- the run -----

    def _handle_action(self, in_json, handle):
        """Runs the connector for one action JSON; returns the connector run result JSON.
        SIGTERM cancels the run while it lasts (`_on_sigterm`)."""
        previous = signal.signal(signal.SIGTERM, self._on_sigterm)
        try:
            return self._run(in_json)
        finally:
            signal.signal(signal.SIGTERM, previous)

    def _on_sigterm(self, signum, frame):
        """How the platform cancels a run (contract section 1): its SIGTERM handler calls
        `handle_cancel`; the run handles no further dict, `finalize` still runs and the result
        says `action_cancelled`. Python runs this handler on the main thread, between two
        bytecodes (or when native code asks it to)."""
        self._action_cancelled = True
        self.handle_cancel()

    def _run(self, in_json):
        """Steps 1 to 7 of contract section 1."""
        try:
            action_json = json.loads(in_json)
        except ValueError:
            action_json = None
        if not isinstance(action_json, dict) or not isinstance(action_json.get("identifier"), str):
            return self._result(None, MISSING_IDENTIFIER)
        identifier = action_json["identifier"]
        if not isinstance(action_json.get("config"), dict):
            return self._result(identifier, MISSING_CONFIG)
        self._action_json = action_json
        app_json = self._app_json()
        actions = [a for a in app_json.get("actions", []) if a.get("identifier") == identifier]
        if len(actions) != 1:
            message = (
                f"Unknown action. Unable to find action info for '{identifier}' in App JSON"
                if not actions
                else f"Found more than one action with identifier '{identifier}' in App JSON"
            )
            return self._result(identifier, message)
        failure = self._prepare_config(action_json["config"], app_json)
        if failure is not None:
            return self._result(identifier, failure)
        if not self.initialize():
            self.finalize()
            return self._result(identifier, self._message)
        exception = self._handle_dicts(action_json.get("parameters") or [{}], actions[0])
        self.finalize()
        return self._result(identifier, None, exception)

    def _app_json(self):
        """The `*.json` beside the connector's module whose `main_module` names that module."""
        directory = self._app_dir()
        module_name = os.path.basename(sys.modules[type(self).__module__].__file__)
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(directory, name)) as file:
                try:
                    candidate = json.load(file)
                except ValueError:
                    continue
            if isinstance(candidate, dict) and candidate.get("main_module") == module_name:
                return candidate
        return {}

    def _app_dir(self):
        """The directory the connector's module was imported from."""
        return os.path.dirname(os.path.abspath(sys.modules[type(self).__module__].__file__))

    def _prepare_config(self, raw, app_json):
        """Step 3: cleansing, required fields, the keys the platform injects."""
        config = _cleansed(raw)
        for name, field in app_json.get("configuration", {}).items():
            if field.get("required") and name not in config:
                return f"Required configuration field '{name}' is missing"
        config.setdefault("appname", "-")
        config.setdefault("directory", os.path.basename(self._app_dir()))
        config.setdefault("main_module", app_json.get("main_module"))
        config.setdefault("app_version", app_json.get("app_version"))
        self._config = config
        return None

    def _handle_dicts(self, dicts, action):
        """Step 5; returns the exception that ended the loop, if any."""
        required = [n for n, p in action.get("parameters", {}).items() if p.get("required")]
        for index, raw in enumerate(dicts):
            if self._action_cancelled:
                break
            if not isinstance(raw, dict):
                failed = self.add_action_result(ActionResult({}))
                failed.set_status(APP_ERROR, f"Parameter dict {index} is not a JSON object")
                continue
            param = _cleansed(raw)
            missing = [name for name in required if name not in param]
            if missing:
                failed = self.add_action_result(ActionResult(param))
                failed.set_status(APP_ERROR, f"Required parameter '{missing[0]}' is missing")
                continue
            if not self.validate_parameters(param):
                failed = self.add_action_result(ActionResult(param))
                failed.set_status(APP_ERROR, "Parameter validation failed")
                continue
            try:
                self.handle_action(param)
            except Exception as exception:  # the platform's exception path
                self.handle_exception(exception)
                return exception
        return None

    def _result(self, identifier, abort_message, exception=None):
        """Step 7: the connector run result (contract section 3) as JSON text."""
        results = [result.to_dict() for result in self._results]
        successes = sum(1 for result in results if result["status"] == "success")
        summary = {"total_objects": len(results), "total_objects_successful": successes}
        for key, value in self._summary.items():
            summary.setdefault(key, value)
        if abort_message is not None:
            status, message = "failed", abort_message
        elif exception is not None:
            status, message = "failed", f"{EXCEPTION_OCCURRED}: {exception}"
        else:
            ok = successes > 0 and self._status is not False
            status, message = ("success" if ok else "failed"), _succeeded(successes)
            if self._action_cancelled:
                message = f"{ACTION_CANCELLED}. {message}"
        if self._message and not message.endswith(self._message):
            message = f"{message}. {self._message}"
        return json.dumps(
            {
                "identifier": identifier,
                "result_data": results,
                "result_summary": summary,
                "status": status,
                "message": message,
                "exception_occured": exception is not None,
                "action_cancelled": self._action_cancelled,
            }
        )
