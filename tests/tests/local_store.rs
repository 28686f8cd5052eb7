//! The local store through a connector binary (`poll_fixture`): a poll killed half way resumes
//! without losing or duplicating containers; `containers` and `artifacts` show what was
//! ingested; the vault keeps one file per content; secrets of the state file are encrypted; a
//! corrupt state file is kept aside; the store's root comes from the flag, the environment or
//! the per-user default.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};
use soar_runtime::local::{STORE_ENV, Store};

const BINARY: &str = env!("CARGO_BIN_EXE_poll_fixture");
const APPID: &str = "5d0e9a41-7c2b-4f8e-a1d3-6b4c2e9f0a17";

/// A store in a fresh temporary directory, with the asset file of the feed.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new(asset: Value) -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("asset.json"), asset.to_string()).unwrap();
        Self { dir }
    }

    fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    /// The binary with `args`, the store named by `--store`, and no store in the environment.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BINARY);
        command
            .args(args)
            .arg("--store")
            .arg(self.store())
            .env_remove(STORE_ENV);
        command
    }

    fn poll(&self) -> Output {
        let asset = self.dir.path().join("asset.json");
        self.command(&["poll", "--asset", asset.to_str().unwrap()])
            .output()
            .unwrap()
    }

    fn state_path(&self) -> PathBuf {
        Store::new(self.store()).state_path(APPID, "local")
    }

    fn state(&self) -> Value {
        serde_json::from_slice(&std::fs::read(self.state_path()).unwrap()).unwrap()
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_killed_poll_resumes_without_loss_or_duplicates() {
    let fixture = Fixture::new(json!({"alerts": 8, "pause_ms": 400}));
    let asset = fixture.dir.path().join("asset.json");
    let mut child = fixture
        .command(&["poll", "--asset", asset.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Kill it once alert 3 is saved, while it waits to commit alert 3's checkpoint.
    let mut stderr = child.stderr.take().unwrap();
    soar_tests::read_until(&mut stderr, "saved alert 3 ");
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(fixture.state()["soar_checkpoints"], json!({"alerts": 2}));

    std::fs::write(&asset, json!({"alerts": 8}).to_string()).unwrap();
    let second = fixture.poll();
    let stdout = text(&second.stdout);
    assert_eq!(
        second.status.code(),
        Some(0),
        "{stdout}{}",
        text(&second.stderr)
    );
    // Alert 3 was saved before the kill: found again as a duplicate, its artifacts too.
    assert!(
        stdout.starts_with(
            "containers: 5 saved, 1 duplicate, 0 failed\nartifacts: 15 saved, 3 duplicate, 0 failed\n"
        ),
        "{stdout}"
    );

    let database = Store::new(fixture.store()).database().unwrap();
    let containers = database.containers().unwrap();
    let sources: Vec<&str> = containers
        .iter()
        .map(|c| c.source_data_identifier.as_str())
        .collect();
    let expected: Vec<String> = (1..=8).map(|n| format!("alert-{n}")).collect();
    assert_eq!(sources, expected);
    for (number, container) in (1..=8).zip(&containers) {
        let artifacts = database.artifacts(Some(container.id)).unwrap();
        let parts: Vec<String> = artifacts
            .iter()
            .map(|a| a.source_data_identifier.clone().unwrap())
            .collect();
        assert_eq!(parts, [0, 1, 2].map(|part| format!("{number}-{part}")));
        let automation: Vec<bool> = artifacts.iter().map(|a| a.run_automation).collect();
        assert_eq!(automation, [false, false, true]);
    }
    assert_eq!(database.artifacts(None).unwrap().len(), 24);
    assert_eq!(fixture.state()["soar_checkpoints"], json!({"alerts": 8}));
}

#[test]
fn containers_and_artifacts_are_shown_as_tables() {
    let fixture = Fixture::new(json!({"alerts": 2, "ingest": {"container_label": "events"}}));
    assert_eq!(fixture.poll().status.code(), Some(0));

    let list = fixture.command(&["containers", "list"]).output().unwrap();
    assert_eq!(list.status.code(), Some(0));
    let lines: Vec<String> = text(&list.stdout).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert!(
        lines[0].starts_with("ID  Name     Label   Severity  Artifacts  Source ID  Asset  Created"),
        "{lines:?}"
    );
    assert!(
        lines[2].starts_with("1   Alert 1  events  high      3          alert-1    local  "),
        "{lines:?}"
    );

    let show = fixture
        .command(&["containers", "show", "2"])
        .output()
        .unwrap();
    let page = text(&show.stdout);
    assert_eq!(show.status.code(), Some(0));
    assert!(page.contains("Source ID  alert-2\n"), "{page}");
    assert!(
        page.contains("2-0") && page.contains("2-2") && !page.contains("1-0"),
        "{page}"
    );
    assert!(
        page.contains(r#"{"requestURL":"https://example.com/2/1"}"#),
        "{page}"
    );

    let artifacts = fixture
        .command(&["artifacts", "list", "--container", "1"])
        .output()
        .unwrap();
    let table = text(&artifacts.stdout);
    assert_eq!(table.lines().count(), 5, "{table}");
    assert!(
        table.lines().skip(2).all(|row| row.contains("part ")),
        "{table}"
    );
    let all = fixture.command(&["artifacts", "list"]).output().unwrap();
    assert_eq!(text(&all.stdout).lines().count(), 8);

    let missing = fixture
        .command(&["containers", "show", "99"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("no container 99"));
}

#[test]
fn the_vault_keeps_one_file_per_content() {
    let fixture = Fixture::new(json!({"alerts": 0}));
    let sha1 = "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"; // SHA-1 of "hello"
    for container in ["1", "2", "2"] {
        let output = fixture
            .command(&["action", "attach", "-p", &format!("container={container}")])
            .args(["-p", "text=hello", "--asset"])
            .arg(fixture.dir.path().join("asset.json"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        assert!(text(&output.stdout).contains(sha1));
    }
    let vault = fixture.store().join("vault");
    let files: Vec<PathBuf> = std::fs::read_dir(vault.join("aa"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(files, [vault.join("aa").join(sha1)]);
    assert_eq!(std::fs::read(&files[0]).unwrap(), b"hello");
    assert_eq!(std::fs::read_dir(vault.join("tmp")).unwrap().count(), 0);
    // One entry per container (the same name twice in one container is one entry).
    let database = Store::new(fixture.store()).database().unwrap();
    let entries = database.vault_entries(Some(sha1), None).unwrap();
    let containers: Vec<i64> = entries.iter().map(|e| e.container_id).collect();
    assert_eq!(containers, [1, 2]);
}

#[test]
fn secrets_of_the_state_file_are_encrypted_with_the_store_key() {
    const CANARY: &str = "tok-canary-6e1f0b2a";
    let fixture = Fixture::new(json!({"alerts": 1, "token": CANARY}));
    for polls in 1..=2 {
        let output = fixture.poll();
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
        let file = std::fs::read_to_string(fixture.state_path()).unwrap();
        assert!(!file.contains(CANARY), "{file}");
        let state = fixture.state();
        assert!(
            state["token"]
                .as_str()
                .unwrap()
                .starts_with("soar-local:v1:")
        );
        assert_eq!(state["polls"], polls);
        assert_eq!(state["app_version"], "0.1.0");
    }
    let key = fixture.store().join("state.key");
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&key).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(std::fs::read(&key).unwrap().len(), 32);
}

#[test]
fn a_corrupt_state_file_fails_the_poll_and_is_kept_aside() {
    let fixture = Fixture::new(json!({"alerts": 1}));
    let path = fixture.state_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, b"{\"soar_checkpoints\": {\"alerts\": 7").unwrap();
    let output = fixture.poll();
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    let expected = format!(
        "Unable to load the state: {} is not JSON (kept aside as ",
        path.display()
    );
    let (_, rest) = stdout.split_once(&expected).expect(&stdout);
    // The parser's error follows the path the file was kept aside as.
    let (aside, cause) = rest.split_once("): ").expect(rest);
    assert!(cause.starts_with("EOF while parsing"), "{stdout}");
    assert_eq!(
        std::fs::read(aside).unwrap(),
        b"{\"soar_checkpoints\": {\"alerts\": 7"
    );
    assert!(!path.exists(), "never overwritten: the run saved nothing");
    assert!(
        Store::new(fixture.store())
            .database()
            .unwrap()
            .containers()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_poll_opens_only_what_it_uses() {
    let fixture = Fixture::new(json!({"alerts": 0}));
    let output = fixture.poll();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    assert_eq!(
        fixture.state()["polls"],
        1,
        "the state changed, so it was saved"
    );
    let store = fixture.store();
    assert!(!store.join("soar.db").exists(), "nothing was ingested");
    assert!(
        !store.join("state.key").exists(),
        "the state holds no secret"
    );

    let asset = fixture.dir.path().join("asset.json");
    std::fs::write(&asset, json!({"alerts": 0, "token": "t"}).to_string()).unwrap();
    let output = fixture.poll();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    assert!(store.join("state.key").is_file(), "a secret was sealed");
    assert!(!store.join("soar.db").exists(), "still nothing ingested");
}

/// Whether `containers list [--store <flag>]` run this way made the database under `root`.
fn lists_in(command: &mut Command, flag: Option<&Path>, root: &Path) -> bool {
    command.args(["containers", "list"]);
    if let Some(flag) = flag {
        command.arg("--store").arg(flag);
    }
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    root.join("soar.db").is_file()
}

#[test]
fn the_store_root_is_the_flag_else_the_environment_else_the_users_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let (flag, env, home) = (
        dir.path().join("flag"),
        dir.path().join("env"),
        dir.path().join("home"),
    );
    let base = || {
        let mut command = Command::new(BINARY);
        command.env("HOME", &home).env_remove("XDG_DATA_HOME");
        command
    };
    assert!(lists_in(base().env(STORE_ENV, &env), Some(&flag), &flag));
    assert!(!env.exists());
    assert!(lists_in(base().env(STORE_ENV, &env), None, &env));
    let default = home.join(".local/share/soar-connectors");
    assert!(!default.exists());
    assert!(lists_in(base().env_remove(STORE_ENV), None, &default));
}
