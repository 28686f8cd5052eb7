"""The project's own stand-in for the platform's closed-source `phantom` package.

Written from the platform contract (section 1, one connector run; section 3, the connector run
result; section 6, the platform services: state, containers and artifacts, the vault) and the
Decisions of the design, so that a bundled app can be run off-platform through the same
`_handle_action(json, handle)` entry point the platform's action daemon calls. What the platform
would keep (state files, containers, artifacts, vault files) goes under the directory that
`SOAR_STANDIN_HOME` names, where the tests read it.
"""
