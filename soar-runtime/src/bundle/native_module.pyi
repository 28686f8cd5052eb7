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
    def cancel(self) -> None:
        """Asks the run to stop before the next parameter dict."""

class Connector:
    """The connector written in Rust."""

    def start(self, connector: Any, action: Dict[str, Any]) -> Session:
        """Starts a run for the BaseConnector `connector` and the action's identifier,
        configuration, asset id and container id."""

connector: Connector
