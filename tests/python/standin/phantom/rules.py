"""`phantom.rules`: the playbook API; connectors use its vault functions."""

from phantom.vault import vault_info

__all__ = ["vault_info"]
