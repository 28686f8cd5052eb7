//! The local runner `<connector> run <action.json>`: output, exit codes, SIGTERM, and the
//! secret canary, through the fixture connector's binary.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

const BINARY: &str = env!("CARGO_BIN_EXE_fixture_connector");

/// A file in a fresh temporary directory, removed with it.
struct TempFile {
    dir: PathBuf,
    path: PathBuf,
}

impl TempFile {
    fn with_bytes(name: &str, bytes: &[u8]) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "soar-cli-{}-{}-{name}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::File::create(&path)
            .unwrap()
            .write_all(bytes)
            .unwrap();
        Self { dir, path }
    }

    fn with_json(value: &Value) -> Self {
        Self::with_bytes("action.json", value.to_string().as_bytes())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The binary, with a local store beside `path` (never the user's).
fn connector(path: &std::path::Path) -> Command {
    let mut command = Command::new(BINARY);
    command.env("SOAR_STORE", path.with_file_name("store"));
    command
}

fn run_file(path: &std::path::Path, extra: &[&str]) -> Output {
    connector(path)
        .arg("run")
        .arg(path)
        .args(extra)
        .output()
        .unwrap()
}

fn run_action(input: &Value) -> (Output, Value) {
    let file = TempFile::with_json(input);
    let output = run_file(&file.path, &["--verbose"]);
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    let result = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is not only the result JSON ({e}): {stdout}"));
    (output, result)
}

#[test]
fn success_exits_0_and_stdout_holds_only_the_result() {
    let input = json!({"identifier": "lookup_ip", "config": {"server": "s"}, "parameters": [{"ip": "1.2.3.4"}]});
    let (output, result) = run_action(&input);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(result["status"], "success");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("{\n  \"identifier\""),
        "pretty JSON: {stdout}"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("Using server s"),
        "progress goes to stderr: {stderr}"
    );
    assert!(
        !stderr.contains("\"parameters\""),
        "the input is never echoed: {stderr}"
    );
}

#[test]
fn a_failed_run_exits_1() {
    for input in [
        json!({"identifier": "fail", "config": {"server": "s"}}),
        json!({"config": {}}),
        json!({"identifier": "lookup_ip"}),
        json!({"identifier": "nope", "config": {"server": "s"}}),
        json!([1, 2, 3]),
        json!("a string"),
    ] {
        let (output, result) = run_action(&input);
        assert_eq!(output.status.code(), Some(1), "{input}");
        assert_eq!(result["status"], "failed");
    }
}

#[test]
fn text_that_is_not_json_exits_2_with_line_and_column() {
    let file = TempFile::with_bytes("broken.json", b"{\n  \"identifier\": \"x\",\n  oops\n}");
    let output = run_file(&file.path, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("is not JSON") && stderr.contains("line 3 column 3"),
        "{stderr}"
    );
}

#[test]
fn invalid_utf8_exits_2_with_a_message() {
    let file = TempFile::with_bytes("latin1.json", b"{\"identifier\": \"caf\xe9\"}");
    let output = run_file(&file.path, &[]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("is not JSON") && stderr.contains("line 1"),
        "{stderr}"
    );
}

#[test]
fn an_unreadable_file_exits_2() {
    let output = run_file(std::path::Path::new("/nonexistent/action.json"), &[]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("cannot read /nonexistent/action.json"),
        "{stderr}"
    );
}

#[test]
fn sigterm_cancels_cooperatively_and_finalize_runs() {
    let file = TempFile::with_json(&json!({"identifier": "slow", "config": {"server": "s"},
        "parameters": [{"seconds": 60}, {"seconds": 60}]}));
    let mut child = connector(&file.path)
        .arg("run")
        .arg(&file.path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the handler runs (it says so on stderr), then send SIGTERM.
    let mut stderr = child.stderr.take().unwrap();
    soar_tests::read_until(&mut stderr, "slow started");
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    let result: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(result["action_cancelled"], true);
    assert_eq!(result["result_data"].as_array().unwrap().len(), 1);
    assert_eq!(result["result_data"][0]["message"], "Stopped: cancelled");
    assert_eq!(result["result_summary"]["finalized"], true);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn app_json_prints_the_app_json() {
    let output = Command::new(BINARY).arg("app-json").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let app: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(app["appid"], "0b0e6f2d-5c8a-4f57-9d43-3f1f3c2f7a10");
}

/// The secret canary: a password that appears nowhere in what a run prints, whatever the
/// action does with it.
#[test]
fn the_password_appears_in_no_output_log_or_error() {
    const CANARY: &str = "CANARY-3b9d1e7c-5f2a-4c88-9e61-0a7d2c4b8f13";
    for identifier in [
        "test_asset_connectivity",
        "lookup_ip",
        "block_ips",
        "explode",
        "fail",
        "leak_attempt",
        "nope",
    ] {
        let input = json!({
            "identifier": identifier,
            "config": {"server": "s", "token": format!("  {CANARY}  ")},
            "dec_key": CANARY,
            "parameters": [{"ip": "1.2.3.4", "ips": "1.2.3.4", "boom": "x"}, {}]
        });
        let (output, result) = run_action(&input);
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !stdout.contains(CANARY),
            "{identifier}: the canary is in stdout: {stdout}"
        );
        assert!(
            !stderr.contains(CANARY),
            "{identifier}: the canary is in stderr: {stderr}"
        );
        assert!(!result.to_string().contains("CANARY"));
        if identifier == "leak_attempt" {
            assert!(stderr.contains("token ********"), "{stderr}");
            assert_eq!(
                result["result_data"][0]["message"],
                "Authentication failed with token ********"
            );
        }
    }
}

/// A temporary directory with a store of its own and a `lookup_ip` action JSON.
struct Scratch(tempfile::TempDir);

/// The `action` command line of the `lookup_ip` run that [`Scratch::action_json`] holds.
const LOOKUP_IP: [&str; 6] = [
    "action",
    "lookup_ip",
    "--param",
    "ip=1.2.3.4",
    "--config",
    "server=s",
];

impl Scratch {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let input = json!({"identifier": "lookup_ip", "config": {"server": "s"},
            "parameters": [{"ip": "1.2.3.4"}]});
        std::fs::write(dir.path().join("action.json"), input.to_string()).unwrap();
        Self(dir)
    }

    fn store(&self) -> PathBuf {
        self.0.path().join("store")
    }

    fn action_json(&self) -> String {
        self.0.path().join("action.json").display().to_string()
    }

    /// The binary with `args` and this store.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BINARY);
        command.args(args).env("SOAR_STORE", self.store());
        command
    }

    fn output(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }
}

#[test]
fn an_undeclared_param_or_config_name_exits_2_with_the_nearest_name() {
    let scratch = Scratch::new();
    let cases = [
        (
            ["--param", "ip=1.2.3.4", "--config", "sever=s"],
            "unknown configuration field `sever`; did you mean `server`?",
        ),
        (
            ["--param", "ipp=1.2.3.4", "--config", "server=s"],
            "unknown parameter `ipp`; did you mean `ip`?",
        ),
        (
            ["--param", "address=1.2.3.4", "--config", "server=s"],
            "unknown parameter `address`; `lookup ip` declares `ip`, `note`, `count`",
        ),
    ];
    for (args, expected) in cases {
        let output = scratch.output(&[&["action", "lookup_ip"][..], &args].concat());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert_eq!(stderr.trim_end(), expected);
        assert!(output.stdout.is_empty());
    }
    let output = scratch.output(&["action", "fail", "--param", "x=1", "--config", "server=s"]);
    assert_eq!(
        String::from_utf8(output.stderr).unwrap().trim_end(),
        "unknown parameter `x`; `fail` declares none"
    );
}

#[test]
fn a_reader_that_goes_away_ends_every_command_quietly() {
    let scratch = Scratch::new();
    let action_json = scratch.action_json();
    let commands: [&[&str]; 3] = [&["app-json"], &["run", &action_json], &LOOKUP_IP];
    for args in commands {
        // A pipe whose reading end is closed before the command starts: every write to
        // standard output fails with a broken pipe.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = scratch
            .command(args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("cannot write") && !stderr.contains("Broken pipe"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn a_run_that_keeps_no_state_and_ingests_nothing_creates_no_store_file() {
    let scratch = Scratch::new();
    let run = scratch.output(&["run", &scratch.action_json()]);
    assert_eq!(run.status.code(), Some(0));
    let one = scratch.output(&LOOKUP_IP);
    assert_eq!(one.status.code(), Some(0));
    let store = scratch.store();
    assert!(!store.exists(), "the store holds {:?}", walk(&store));
}

/// The files under `dir`, for a message.
fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|entry| {
            let path = entry.path();
            if path.is_dir() {
                walk(&path)
            } else {
                vec![path]
            }
        })
        .collect()
}

#[test]
fn the_help_names_the_connector_and_its_own_actions() {
    let help = Command::new(BINARY).arg("--help").output().unwrap();
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(
        text.starts_with("Fixture: a Splunk SOAR connector, run locally"),
        "{text}"
    );
    let help = Command::new(BINARY)
        .args(["action", "--help"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(
        text.contains("lookup_ip (\"lookup ip\")") && text.contains("block_ips (\"block ips\")"),
        "{text}"
    );
    assert!(!text.contains("whois_domain"), "{text}");
}
