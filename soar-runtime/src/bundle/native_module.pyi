"""Type stubs of {{NATIVE_MODULE}}.{{NATIVE_MODULE}}: the native extension module of
{{APP_NAME}}, built from its Rust code with soar-runtime {{RUNTIME_VERSION}}.
"""

from typing import Any, Dict, Optional

class Session:
    """One connector run, stepped through the platform's BaseConnector hooks."""

    def start_failure(self) -> Optional[str]:
        """The message of a run that cannot handle any parameter dict, or None."""
    def handle(self, param: Dict[str, Any]) -> Dict[str, Any]:
        """Handles one parameter dict: status, message, data, summary, parameter, exception."""
    def finish(self) -> Dict[str, Any]:
        """Ends the run: the connector-level status, message and summary."""

class Cancellation:
    """How the platform's handle_cancel reaches a run, even one that is working in Rust."""

    def __init__(self) -> None:
        """A cancellation that has not happened."""
    def cancel(self) -> None:
        """Asks the run to stop: no further parameter dict is handled, finalize runs."""

class Connector:
    """The connector written in Rust."""

    def start(self, connector: Any, action: Dict[str, Any], cancellation: Cancellation) -> Session:
        """Starts a run for the BaseConnector `connector` and the action's identifier,
        configuration, asset id and container id, cancelled through `cancellation`."""
    def render_view(self, identifier: str, payload: str) -> str:
        """The HTML of the view of action `identifier` for the app runs in `payload` (JSON)."""
    def view_error(self, identifier: str, problem: str) -> str:
        """The error card that stands in for the view of action `identifier`."""
    def handle_webhook(self, payload: str) -> str:
        """The response (JSON: status_code, headers, content, is_base64_encoded) to the
        webhook request in `payload` (JSON: method, headers, path_parts, query, body, asset)."""
    def webhook_error(self, problem: str) -> str:
        """The 500 response (JSON) that stands in for the webhook's."""
    def handle_rest_request(self, payload: str) -> str:
        """The response (JSON: status_code, headers, content, is_base64_encoded) to the REST
        request in `payload` (JSON: method, path, path_parts, query, form, headers, body,
        apps_state_path)."""
    def rest_error(self, problem: str) -> str:
        """The 500 response (JSON) that stands in for the REST handler's."""

connector: Connector
