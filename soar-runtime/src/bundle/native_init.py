"""{{NATIVE_MODULE}}: the connector of {{APP_NAME}}, compiled from Rust with soar-runtime
{{RUNTIME_VERSION}}. The app's main module drives it through the platform's BaseConnector.

The members are named here, not re-exported with `*`, so that linters see them.
"""

from .{{NATIVE_MODULE}} import Session, connector


__all__ = ["Session", "connector"]
