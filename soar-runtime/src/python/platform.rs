//! The platform services through the platform's own Python API: [`PythonPlatform`].
//!
//! | [`Platform`] | the platform's call |
//! | --- | --- |
//! | `save_container` | `BaseConnector.save_container(dict)` -> `(status, message, id)`; a duplicate is a success whose message says "Duplicate container found" |
//! | `save_artifacts` | `BaseConnector.save_artifacts(list)` -> `(status, message, ids)`, one id per artifact; the artifacts of a container found duplicate count as duplicates |
//! | `vault_tmp_dir` | `phantom.vault.Vault.get_vault_tmp_dir()` |
//! | `vault_add` | `phantom.vault.Vault.add_attachment(path, container_id, file_name=, metadata=)` -> `{succeeded, message, vault_id or hash}`, then `vault_info` for the stored path |
//! | `vault_info` | `phantom.rules.vault_info(vault_id=)` -> `(success, message, [info])` |
//! | `sealer` | the platform's `encryption_helper` module: `encrypt(value, salt)`, `decrypt(value, salt)` |
//!
//! A Python exception in any of them is a [`HostError`] naming the call ("save_container
//! failed") whose cause is the exception (`Type: message`); the sealer's errors keep only the
//! exception's text with the value they were given masked.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::Serialize;
use serde_json::Value;

use super::convert::{to_python, to_value};
use crate::ingest::{Artifact, Container};
use crate::platform::{HostError, Platform, SavedArtifact, SavedContainer};
use crate::state::sealing::Sealer;
use crate::vault::VaultEntry;

/// The message with which the platform's `save_container` reports a duplicate (compared
/// without regard to case, as real connectors do).
const DUPLICATE_CONTAINER: &str = "duplicate container found";

/// A [`Platform`] over the platform's `BaseConnector` object and its `phantom.vault`,
/// `phantom.rules` and `encryption_helper` modules.
#[derive(Debug)]
pub struct PythonPlatform {
    connector: Py<PyAny>,
    sealer: Arc<PythonSealer>,
    /// The containers `save_container` found existing in this run. The platform's
    /// `save_artifacts` does not say which artifacts existed already: those of a duplicate
    /// container are taken to be duplicates, the others new.
    duplicate_containers: HashSet<i64>,
}

impl PythonPlatform {
    /// The services of `connector` (a `BaseConnector`). The encryption helper is imported now;
    /// when the host has none, every encryption fails with the import's error.
    pub fn new(py: Python<'_>, connector: Py<PyAny>) -> Self {
        Self {
            connector,
            sealer: Arc::new(PythonSealer::import(py)),
            duplicate_containers: HashSet::new(),
        }
    }

    /// Calls `connector.<method>(argument)` with `value` converted to Python and returns the
    /// message and the value of the platform's `(status, message, value)` answer, or the
    /// platform's message as the error when the status is false.
    fn call_saving(
        &self,
        method: &str,
        value: &impl Serialize,
    ) -> Result<(String, Value), HostError> {
        let value = serde_json::to_value(value).map_err(|error| {
            HostError::caused_by(
                format!("cannot write the argument of {method} as JSON"),
                error,
            )
        })?;
        attached(method, |py| {
            let argument = to_python(py, &value)?;
            let answer = self.connector.call_method1(py, method, (argument,))?;
            Ok(match status_answer(answer.bind(py), method)? {
                Ok((message, saved)) => Ok((message, to_value(&saved)?)),
                Err(refused) => Err(refused),
            })
        })?
    }
}

impl Platform for PythonPlatform {
    fn save_container(&mut self, container: &Container) -> Result<SavedContainer, HostError> {
        let (message, id) = self.call_saving("save_container", container)?;
        let id = id.as_i64().ok_or_else(|| {
            HostError::new(format!(
                "save_container returned no container id ({message})"
            ))
        })?;
        let duplicate = message.to_lowercase().contains(DUPLICATE_CONTAINER);
        if duplicate {
            self.duplicate_containers.insert(id);
        }
        Ok(SavedContainer { id, duplicate })
    }

    fn save_artifacts(
        &mut self,
        container_id: i64,
        artifacts: &[Artifact],
    ) -> Result<Vec<SavedArtifact>, HostError> {
        let (_, ids) = self.call_saving("save_artifacts", &artifacts)?;
        let ids: Vec<i64> = ids
            .as_array()
            .map(|ids| ids.iter().filter_map(Value::as_i64).collect())
            .unwrap_or_default();
        if ids.len() != artifacts.len() {
            return Err(HostError::new(format!(
                "save_artifacts returned {} ids for {} artifacts",
                ids.len(),
                artifacts.len()
            )));
        }
        let answer = if self.duplicate_containers.contains(&container_id) {
            SavedArtifact::Duplicate
        } else {
            SavedArtifact::Saved
        };
        Ok(ids.into_iter().map(answer).collect())
    }

    fn vault_tmp_dir(&mut self) -> Result<PathBuf, HostError> {
        attached("Vault.get_vault_tmp_dir", |py| {
            let dir = vault_class(py)?.call_method0("get_vault_tmp_dir")?;
            dir.extract::<PathBuf>()
        })
    }

    fn vault_add(&mut self, file: VaultEntry) -> Result<VaultEntry, HostError> {
        let added = attached("Vault.add_attachment", |py| {
            let metadata = PyDict::new(py);
            metadata.set_item("contains", &file.contains)?;
            metadata.set_item("size", file.size)?;
            let options = PyDict::new(py);
            options.set_item("file_name", &file.name)?;
            options.set_item("metadata", metadata)?;
            let answer = vault_class(py)?.call_method(
                "add_attachment",
                (&file.path, file.container_id),
                Some(&options),
            )?;
            to_value(&answer)
        })?;
        if !added.get("succeeded").is_some_and(truthy) {
            return Err(HostError::new(
                added
                    .get("message")
                    .and_then(Value::as_str)
                    .unwrap_or("Could not add attachment"),
            ));
        }
        let vault_id = ["vault_id", "hash"]
            .iter()
            .find_map(|key| added.get(*key).and_then(Value::as_str))
            .ok_or_else(|| HostError::new("add_attachment returned no vault id"))?
            .to_owned();
        // The entry of this container; the platform's info may not name containers.
        let mut listed = self.vault_info(&vault_id)?;
        let index = listed
            .iter()
            .position(|entry| entry.container_id == file.container_id)
            .unwrap_or_default();
        if listed.is_empty() {
            return Err(HostError::new(format!(
                "the vault does not list {vault_id} after adding it"
            )));
        }
        let stored = listed.swap_remove(index);
        Ok(VaultEntry {
            vault_id,
            path: stored.path,
            name: stored.name,
            ..file
        })
    }

    fn vault_info(&mut self, vault_id: &str) -> Result<Vec<VaultEntry>, HostError> {
        let infos = attached("vault_info", |py| {
            let options = PyDict::new(py);
            options.set_item("vault_id", vault_id)?;
            let answer =
                py.import("phantom.rules")?
                    .call_method("vault_info", (), Some(&options))?;
            Ok(match status_answer(&answer, "vault_info")? {
                // The platform may answer an iterable other than a list.
                Ok((_, infos)) if !infos.is_none() => {
                    let infos = py.import("builtins")?.getattr("list")?.call1((infos,))?;
                    Ok(to_value(&infos)?)
                }
                Ok(_) => Ok(Value::Null),
                Err(refused) => Err(refused),
            })
        })??;
        match infos {
            Value::Null => Ok(Vec::new()),
            Value::Array(infos) => infos
                .iter()
                .map(|info| entry_from_info(info, vault_id))
                .collect(),
            other => Err(HostError::new(format!(
                "vault_info returned {other}, not a list"
            ))),
        }
    }

    fn sealer(&self) -> Arc<dyn Sealer> {
        self.sealer.clone()
    }
}

/// A [`Sealer`] that calls the platform's `encryption_helper.encrypt(value, salt)` and
/// `decrypt(value, salt)`.
#[derive(Debug)]
pub struct PythonSealer {
    /// The `encryption_helper` module, or why it could not be imported.
    helper: Result<Py<PyAny>, Arc<PyErr>>,
}

impl PythonSealer {
    /// Imports the platform's `encryption_helper` module.
    fn import(py: Python<'_>) -> Self {
        let helper = py
            .import("encryption_helper")
            .map(|module| module.into_any().unbind())
            .map_err(Arc::new);
        Self { helper }
    }

    /// Calls `encryption_helper.<function>(value, salt)`. An error never shows `value`.
    fn call(&self, function: &str, value: &str, salt: &str) -> Result<String, HostError> {
        let helper = self.helper.as_ref().map_err(|error| {
            HostError::caused_by(
                "the platform's encryption_helper is missing",
                Arc::clone(error),
            )
        })?;
        Python::attach(|py| {
            helper
                .call_method1(py, function, (value, salt))?
                .extract::<String>(py)
        })
        .map_err(|error| {
            HostError::caused_by(
                format!("encryption_helper.{function} failed"),
                MaskedException::of(&error, value),
            )
        })
    }
}

impl Sealer for PythonSealer {
    fn encrypt(&self, plain: &str, salt: &str) -> Result<String, HostError> {
        self.call("encrypt", plain, salt)
    }

    fn decrypt(&self, sealed: &str, salt: &str) -> Result<String, HostError> {
        self.call("decrypt", sealed, salt)
    }
}

/// A Python exception of the encryption helper as its text (`Type: message`), with the value the
/// helper was given masked. The exception itself is not kept: its arguments and its traceback's
/// frames hold the value.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct MaskedException(String);

impl MaskedException {
    fn of(error: &PyErr, value: &str) -> Self {
        let text = error.to_string();
        Self(if value.is_empty() {
            text
        } else {
            text.replace(value, "********")
        })
    }
}

/// Runs `body` with the GIL; a Python exception is the cause of "`<call>` failed".
fn attached<T>(call: &str, body: impl FnOnce(Python<'_>) -> PyResult<T>) -> Result<T, HostError> {
    Python::attach(body).map_err(|error| HostError::caused_by(format!("{call} failed"), error))
}

/// The message and the value of the platform's `(status, message, value)` answer, or the
/// platform's message as the error when the status is false (`<what> failed` when there is no
/// message).
fn status_answer<'py>(
    answer: &Bound<'py, PyAny>,
    what: &str,
) -> PyResult<Result<(String, Bound<'py, PyAny>), HostError>> {
    let (status, message, value): (Bound<'py, PyAny>, Bound<'py, PyAny>, Bound<'py, PyAny>) =
        answer.extract()?;
    let message = text_of(&message)?;
    Ok(if status.is_truthy()? {
        Ok((message.unwrap_or_default(), value))
    } else {
        Err(HostError::new(
            message.unwrap_or_else(|| format!("{what} failed")),
        ))
    })
}

/// `phantom.vault.Vault`.
fn vault_class(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    py.import("phantom.vault")?.getattr("Vault")
}

/// `str(value)`, or `None` for `None`.
fn text_of(value: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if value.is_none() {
        Ok(None)
    } else {
        Ok(Some(value.str()?.to_string()))
    }
}

/// The string at `value`, or `""`.
fn text(value: Option<&Value>) -> &str {
    value.and_then(Value::as_str).unwrap_or_default()
}

/// JSON truthiness, as Python would judge the value.
fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(flag) => *flag,
        Value::Number(number) => number.as_f64() != Some(0.0),
        Value::String(text) => !text.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}

/// A vault entry from one dict of `vault_info`'s answer: `name`, `path`, `size`,
/// `container_id` (or `container`), `vault_id` (else the id asked for), `contains`, and the
/// hashes under `metadata`.
fn entry_from_info(info: &Value, vault_id: &str) -> Result<VaultEntry, HostError> {
    let path = info
        .get("path")
        .and_then(Value::as_str)
        .ok_or_else(|| HostError::new(format!("vault_info gave no path for {vault_id}")))?;
    let metadata = info.get("metadata");
    let hash = |name: &str| text(metadata.and_then(|m| m.get(name))).to_owned();
    let contains = info
        .get("contains")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(ToOwned::to_owned)
                .collect()
        })
        .unwrap_or_default();
    Ok(VaultEntry {
        vault_id: Some(text(info.get("vault_id")))
            .filter(|id| !id.is_empty())
            .unwrap_or(vault_id)
            .to_owned(),
        container_id: ["container_id", "container"]
            .iter()
            .find_map(|key| info.get(*key).and_then(Value::as_i64))
            .unwrap_or_default(),
        name: text(info.get("name")).to_owned(),
        path: PathBuf::from(path),
        size: info.get("size").and_then(Value::as_u64).unwrap_or_default(),
        sha1: hash("sha1"),
        sha256: hash("sha256"),
        md5: hash("md5"),
        contains,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Severity;
    use serde_json::json;
    use std::sync::Mutex;

    /// Runs `body` with a `PythonPlatform` over the project's own stand-in for `phantom`
    /// (`tests/python/standin`), whose data goes to a fresh temporary directory. The stand-in
    /// keeps its home in the process's environment, so the tests take turns.
    fn with_standin(body: impl FnOnce(&mut PythonPlatform, &tempfile::TempDir)) {
        static TURN: Mutex<()> = Mutex::new(());
        let _turn = TURN
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let home = tempfile::tempdir().unwrap();
        let standin = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/python/standin");
        Python::initialize();
        let connector = Python::attach(|py| -> PyResult<Py<PyAny>> {
            py.import("sys")?
                .getattr("path")?
                .call_method1("insert", (0, standin))?;
            py.import("os")?
                .getattr("environ")?
                .set_item("SOAR_STANDIN_HOME", home.path().to_string_lossy())?;
            let class = py
                .import("phantom.base_connector")?
                .getattr("BaseConnector")?;
            Ok(class.call0()?.unbind())
        })
        .unwrap();
        let mut platform = Python::attach(|py| PythonPlatform::new(py, connector));
        body(&mut platform, &home);
    }

    fn alert(id: &str) -> Container {
        Container::new(format!("Alert {id}"), id).severity(Severity::High)
    }

    #[test]
    fn containers_and_artifacts_reach_the_platform_and_duplicates_resolve() {
        with_standin(|platform, home| {
            let first = platform.save_container(&alert("a-1")).unwrap();
            assert_eq!(
                first,
                SavedContainer {
                    id: 1,
                    duplicate: false
                }
            );
            let artifact = |n: usize| {
                let mut artifact = Artifact::new("ip")
                    .source_data_identifier(format!("a-1-{n}"))
                    .cef("ip", "10.0.0.1");
                artifact.container_id = Some(1);
                artifact
            };
            let saved = platform.save_artifacts(1, &[artifact(0)]).unwrap();
            assert_eq!(saved, [SavedArtifact::Saved(1)]);
            let again = platform.save_container(&alert("a-1")).unwrap();
            assert_eq!(
                again,
                SavedContainer {
                    id: 1,
                    duplicate: true
                }
            );
            // The artifacts of a duplicate container count as duplicates, the platform saving
            // only those it did not have.
            let resent = platform
                .save_artifacts(1, &[artifact(0), artifact(1)])
                .unwrap();
            assert_eq!(
                resent,
                [SavedArtifact::Duplicate(1), SavedArtifact::Duplicate(2)]
            );
            let stored: Value =
                serde_json::from_slice(&std::fs::read(home.path().join("artifacts.json")).unwrap())
                    .unwrap();
            assert_eq!(stored.as_array().unwrap().len(), 2);
            assert_eq!(stored[0]["cef"], json!({"ip": "10.0.0.1"}));
            let mut stray = artifact(2);
            stray.container_id = Some(99);
            let refused = platform.save_artifacts(99, &[stray]).unwrap_err();
            assert_eq!(refused.full_message(), "Container 99 not found");
            let nameless = platform.save_container(&Container::default()).unwrap_err();
            assert_eq!(nameless.full_message(), "A container needs a name");
        });
    }

    #[test]
    fn files_go_to_the_vault_and_are_found_again() {
        with_standin(|platform, _home| {
            let container = platform.save_container(&alert("v-1")).unwrap().id;
            let dir = platform.vault_tmp_dir().unwrap();
            let staged =
                crate::vault::stage(&dir, container, "a.txt", &mut &b"abc"[..], &["text"]).unwrap();
            let staged_path = staged.path.clone();
            let added = platform.vault_add(staged.clone()).unwrap();
            assert_eq!(added.vault_id, "a9993e364706816aba3e25717850c26c9cd0d89d");
            assert!(
                !staged_path.exists(),
                "the platform takes the staged file over"
            );
            assert_eq!(std::fs::read(&added.path).unwrap(), b"abc");
            assert_eq!(
                added,
                VaultEntry {
                    path: added.path.clone(),
                    ..staged
                }
            );
            assert_eq!(
                platform.vault_info(&added.vault_id).unwrap(),
                std::slice::from_ref(&added)
            );
            assert!(platform.vault_info("0000").unwrap().is_empty());
            let gone = crate::vault::stage(&dir, 404, "b.txt", &mut &b"b"[..], &[]).unwrap();
            assert_eq!(
                platform.vault_add(gone).unwrap_err().full_message(),
                "Container 404 not found"
            );
        });
    }

    #[test]
    fn the_sealer_is_the_encryption_helper_and_hides_values_in_errors() {
        with_standin(|platform, _home| {
            let sealer = platform.sealer();
            let sealed = sealer.encrypt("tok-canary", "10").unwrap();
            assert!(!sealed.contains("tok-canary"));
            assert_eq!(sealer.decrypt(&sealed, "10").unwrap(), "tok-canary");
            let wrong_salt = sealer.decrypt(&sealed, "11").unwrap_err();
            assert_eq!(
                wrong_salt.full_message(),
                "encryption_helper.decrypt failed: ValueError: the value was not encrypted with this salt"
            );
            let error = sealer.decrypt("tok-canary", "10").unwrap_err();
            let message = error.full_message();
            assert!(
                message.starts_with("encryption_helper.decrypt failed: ValueError"),
                "{message}"
            );
            // Neither the message nor the causes, nor their debug output, show the value.
            assert!(
                !format!("{message} {error:?}").contains("tok-canary"),
                "{error:?}"
            );
        });
    }

    #[test]
    fn python_exceptions_become_errors() {
        with_standin(|platform, _home| {
            Python::attach(|py| {
                py.import("os")?
                    .getattr("environ")?
                    .del_item("SOAR_STANDIN_HOME")
            })
            .unwrap();
            let error = platform.save_container(&alert("x")).unwrap_err();
            assert_eq!(
                error.full_message(),
                "save_container failed: RuntimeError: SOAR_STANDIN_HOME is not set: the stand-in \
                 has nowhere to keep data"
            );
            let raised =
                std::error::Error::source(&error).and_then(|cause| cause.downcast_ref::<PyErr>());
            Python::attach(|py| {
                let raised = raised.expect("the Python exception is the cause");
                assert!(raised.is_instance_of::<pyo3::exceptions::PyRuntimeError>(py));
            });
            assert_eq!(
                platform.vault_tmp_dir().unwrap_err().to_string(),
                "Vault.get_vault_tmp_dir failed"
            );
        });
    }

    #[test]
    fn vault_info_dicts_become_entries() {
        let info = json!({
            "id": 3, "name": "report.pdf", "container": 42, "vault_id": "ab12",
            "path": "/opt/phantom/vault/ab/12/ab12", "size": 1024,
            "metadata": {"sha1": "ab12", "sha256": "cd34", "md5": "ef56"},
            "contains": ["vault id", "pdf"], "create_time": "2026-01-01T00:00:00Z",
        });
        assert_eq!(
            entry_from_info(&info, "ignored").unwrap(),
            VaultEntry {
                vault_id: "ab12".into(),
                container_id: 42,
                name: "report.pdf".into(),
                path: "/opt/phantom/vault/ab/12/ab12".into(),
                size: 1024,
                sha1: "ab12".into(),
                sha256: "cd34".into(),
                md5: "ef56".into(),
                contains: vec!["vault id".into(), "pdf".into()],
            }
        );
        let bare = entry_from_info(&json!({"path": "/p", "container_id": 7}), "ff").unwrap();
        assert_eq!((bare.vault_id.as_str(), bare.container_id), ("ff", 7));
        assert!(entry_from_info(&json!({"name": "x"}), "ff").is_err());
    }

    #[test]
    fn truthiness_follows_python() {
        for falsy in [
            json!(null),
            json!(false),
            json!(0),
            json!(""),
            json!([]),
            json!({}),
        ] {
            assert!(!truthy(&falsy), "{falsy}");
        }
        for true_ in [
            json!(true),
            json!(1),
            json!("x"),
            json!([0]),
            json!({"a": 0}),
        ] {
            assert!(truthy(&true_), "{true_}");
        }
    }
}
