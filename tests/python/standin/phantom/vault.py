"""`phantom.vault`: files attached to containers, kept by content (contract section 6): the
vault id is the file's SHA-1."""

import hashlib
import os
import shutil

from phantom import _store


def _digests(location):
    digests = {"sha1": hashlib.sha1(), "sha256": hashlib.sha256(), "md5": hashlib.md5()}
    with open(location, "rb") as file:
        for chunk in iter(lambda: file.read(65536), b""):
            for digest in digests.values():
                digest.update(chunk)
    return {name: digest.hexdigest() for name, digest in digests.items()}


class Vault:
    @staticmethod
    def get_vault_tmp_dir():
        """Where files bound for the vault are written first."""
        return _store.directory("vault", "tmp")

    @staticmethod
    def add_attachment(file_location, container_id, file_name=None, metadata=None):
        """Moves the file into the content-addressed store and attaches it to the container.
        Returns the platform's dict: `succeeded`, `message`, `vault_id` and `hash` (the SHA-1)."""
        if not any(c["id"] == container_id for c in _store.records("containers")):
            return {"succeeded": False, "message": f"Container {container_id} not found"}
        try:
            hashes = _digests(file_location)
        except OSError as error:
            return {"succeeded": False, "message": f"Cannot read {file_location}: {error}"}
        vault_id = hashes["sha1"]
        stored = _store.path("vault", "store", vault_id)
        size = os.path.getsize(file_location)
        shutil.move(file_location, stored)
        metadata = dict(metadata or {})
        contains = list(metadata.pop("contains", None) or [])
        if "vault id" not in contains:
            contains.insert(0, "vault id")
        attached = [
            v for v in _store.records("vault")
            if v["vault_id"] == vault_id and v["container_id"] == container_id
        ]
        if not attached:
            _store.add_record("vault", {
                "vault_id": vault_id,
                "container_id": container_id,
                "name": file_name or os.path.basename(file_location),
                "path": stored,
                "size": size,
                "metadata": dict(metadata, **hashes),
                "contains": contains,
            })
        return {"succeeded": True, "message": "success", "vault_id": vault_id, "hash": vault_id}


def vault_info(vault_id=None, file_name=None, container_id=None, **_options):
    """`(success, message, [info])` of the files matching every criterion given."""
    found = [
        info for info in _store.records("vault")
        if (vault_id is None or info["vault_id"] == vault_id)
        and (file_name is None or info["name"] == file_name)
        and (container_id is None or info["container_id"] == container_id)
    ]
    return True, f"{len(found)} vault items found", found
