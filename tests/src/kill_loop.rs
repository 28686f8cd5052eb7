//! Crash safety under `kill -9`: the slow feed's binary (`poll_fixture`) runs polls that
//! ingest and commit checkpoints, and `attach` actions that add files to the vault, against
//! one local store, and each run is sent SIGKILL at a random moment (a seeded RNG). After
//! every kill the store is checked against what the checkpoint contract allows
//! ([`Store`]'s layout, `Ctx::commit_checkpoint`):
//!
//! - the state file is absent or a JSON object, and nothing was kept aside as corrupt;
//! - the database passes SQLite's `integrity_check`;
//! - the containers are alerts 1..=k, each once (none lost, none duplicated): a poll saves
//!   alert n only after alert n-1 was saved; the committed checkpoint c is at most k, and
//!   every alert up to c has its 3 artifacts, each once. Alerts after c may be saved, or the
//!   last one saved without its artifacts (killed between the two transactions): the next
//!   poll starts after c, finds them again as duplicates and completes them;
//! - every vault entry's file is there with the content its SHA-1 names; a file without an
//!   entry (killed between the move and the insert) and staged files left in `vault/tmp` are
//!   allowed, and counted.
//!
//! At the end one poll runs to completion: it must succeed and leave every alert up to its
//! checkpoint complete. [`run`] returns the figures; `cargo xtask killloop` prints them.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use soar_runtime::local::{STORE_ENV, Store};
use soar_runtime::state::decode_file;

/// The slow feed's app id, which names its state directory.
const APPID: &str = "5d0e9a41-7c2b-4f8e-a1d3-6b4c2e9f0a17";
/// The artifacts of each alert.
const PARTS: usize = 3;
/// The alerts one poll ingests (`--container-count`): a poll is short, and a kill lands in
/// its start, its ingestion or its end alike.
const PER_POLL: &str = "5";
/// One run in this many is an `attach` (a vault write); the others are polls.
const ATTACH_ONE_IN: u32 = 4;

/// What the loop is asked.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The connector binary (`poll_fixture`).
    pub binary: PathBuf,
    /// How many runs are killed.
    pub kills: u32,
    /// The seed of the moments and the mix of runs.
    pub seed: u64,
}

/// What the loop found: counts, and every violation of the contract.
#[derive(Debug, Default)]
pub struct Figures {
    /// The seed used.
    pub seed: u64,
    /// Runs sent SIGKILL while running.
    pub kills: u32,
    /// Runs that had exited before their kill moment.
    pub finished_first: u32,
    /// Polls and attach actions started.
    pub polls: u32,
    /// `attach` actions started.
    pub attaches: u32,
    /// Store checks made (one after every run, one at the end).
    pub checks: u32,
    /// Containers in the store at the end.
    pub containers: usize,
    /// Artifacts in the store at the end.
    pub artifacts: usize,
    /// The committed checkpoint at the end.
    pub checkpoint: i64,
    /// Vault entries at the end.
    pub vault_entries: usize,
    /// Vault files without an entry at the end (allowed).
    pub orphan_vault_files: usize,
    /// Staged files left in `vault/tmp` at the end (allowed).
    pub staged_leftovers: usize,
    /// Alerts saved past the checkpoint at the last check before the final poll (allowed).
    pub ahead_of_checkpoint: i64,
    /// What broke the contract, with the kill it followed.
    pub violations: Vec<String>,
    /// How long the loop took.
    pub elapsed: Duration,
}

impl fmt::Display for Figures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "seed: {}", self.seed)?;
        writeln!(
            f,
            "runs: {} ({} polls, {} attach); SIGKILLed while running: {}; exited before the kill: {}",
            self.polls + self.attaches,
            self.polls,
            self.attaches,
            self.kills,
            self.finished_first
        )?;
        writeln!(f, "store checks: {}", self.checks)?;
        writeln!(
            f,
            "at the end: {} containers, {} artifacts, checkpoint {}, {} vault entries",
            self.containers, self.artifacts, self.checkpoint, self.vault_entries
        )?;
        writeln!(
            f,
            "allowed leftovers: {} vault files without an entry, {} staged files in vault/tmp",
            self.orphan_vault_files, self.staged_leftovers
        )?;
        writeln!(
            f,
            "corrupt state files, unreadable databases, lost or duplicated containers or artifacts: {}",
            self.violations.len()
        )?;
        for violation in &self.violations {
            writeln!(f, "  {violation}")?;
        }
        write!(f, "time: {:.1} s", self.elapsed.as_secs_f64())
    }
}

/// Runs the loop in a fresh store under `work` and returns the figures.
pub fn run(plan: &Plan, work: &Path) -> Figures {
    let started = Instant::now();
    let store = work.join("store");
    let asset = work.join("asset.json");
    std::fs::write(
        &asset,
        json!({"alerts": 1_000_000, "token": "tok"}).to_string(),
    )
    .expect("the asset file can be written");
    let feed = Feed {
        binary: &plan.binary,
        store: &store,
        asset: &asset,
    };
    let mut figures = Figures {
        seed: plan.seed,
        ..Figures::default()
    };
    let mut rng = fastrand::Rng::with_seed(plan.seed);
    // How long an unkilled run takes (the quickest of three: the first also makes the store):
    // the kill moments are spread over 0..=1.2 times that.
    let poll_time = (0..3)
        .map(|_| Feed::time(feed.poll()))
        .min()
        .unwrap_or_default();
    let attach_time = Feed::time(feed.attach(0));
    let mut run = 0;
    while figures.kills < plan.kills {
        run += 1;
        let (mut command, typical) = if rng.u32(..ATTACH_ONE_IN) == 0 {
            figures.attaches += 1;
            (feed.attach(run), attach_time)
        } else {
            figures.polls += 1;
            (feed.poll(), poll_time)
        };
        let moment = typical.mul_f64(rng.f64() * 1.2);
        let mut child = command.spawn().expect("the connector binary starts");
        std::thread::sleep(moment);
        match child.try_wait().expect("the child can be waited for") {
            Some(_) => figures.finished_first += 1,
            None => {
                child.kill().expect("the child can be killed");
                child.wait().expect("the killed child can be waited for");
                figures.kills += 1;
            }
        }
        figures.checks += 1;
        if let Err(violation) = check(&store, &mut figures) {
            figures.violations.push(format!(
                "after run {run} (killed at {moment:?}): {violation}"
            ));
        }
    }
    let last = feed.poll().output().expect("the final poll starts");
    if !last.status.success() {
        figures.violations.push(format!(
            "the final poll failed: {}",
            String::from_utf8_lossy(&last.stderr)
        ));
    }
    figures.checks += 1;
    let before = figures.ahead_of_checkpoint;
    if let Err(violation) = check(&store, &mut figures) {
        figures
            .violations
            .push(format!("after the final poll: {violation}"));
    }
    if figures.ahead_of_checkpoint != 0 {
        figures.violations.push(format!(
            "the final poll left {} alerts past its checkpoint",
            figures.ahead_of_checkpoint
        ));
    }
    figures.ahead_of_checkpoint = before;
    figures.elapsed = started.elapsed();
    figures
}

/// The binary against the store, with the asset.
struct Feed<'a> {
    binary: &'a Path,
    store: &'a Path,
    asset: &'a Path,
}

impl Feed<'_> {
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(self.binary);
        command
            .args(args)
            .arg("--asset")
            .arg(self.asset)
            .arg("--store")
            .arg(self.store)
            .env_remove(STORE_ENV)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    }

    fn poll(&self) -> Command {
        self.command(&["poll", "--container-count", PER_POLL])
    }

    /// Attaches a note (new content for each run) to container 1.
    fn attach(&self, run: u32) -> Command {
        self.command(&[
            "action",
            "attach",
            "-p",
            "container=1",
            "-p",
            &format!("text=note of run {run}"),
        ])
    }

    /// How long `command` takes when it is left to finish.
    fn time(mut command: Command) -> Duration {
        let started = Instant::now();
        let status = command.status().expect("the connector binary starts");
        assert!(status.success(), "an unkilled run fails: {command:?}");
        started.elapsed()
    }
}

/// Checks the store against the contract, updating the end figures.
fn check(root: &Path, figures: &mut Figures) -> Result<(), String> {
    let store = Store::new(root);
    let checkpoint = check_state(&store)?;
    let connection = rusqlite::Connection::open(store.database_path())
        .map_err(|error| format!("the database cannot be opened: {error}"))?;
    let integrity: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .map_err(|error| format!("the database cannot be checked: {error}"))?;
    if integrity != "ok" {
        return Err(format!("the database fails integrity_check: {integrity}"));
    }
    let database = store
        .database()
        .map_err(|error| format!("the database cannot be read: {}", error.full_message()))?;
    let alerts = stored_alerts(&connection)
        .map_err(|error| format!("the containers cannot be read: {error}"))?;
    for (index, (container, parts)) in alerts.iter().enumerate() {
        let number = index + 1;
        let expected = format!("alert-{number}");
        if *container != expected {
            return Err(format!(
                "container {number} is {container}, where {expected} was expected (lost or duplicated)"
            ));
        }
        let complete: Vec<String> = (0..PARTS).map(|part| format!("{number}-{part}")).collect();
        // Only the last container may be short of artifacts, and only past the checkpoint.
        let allowed_short =
            number == alerts.len() && (number as i64) > checkpoint && parts.is_empty();
        if *parts != complete && !allowed_short {
            return Err(format!("alert {number} holds the artifacts {parts:?}"));
        }
    }
    let saved = alerts.len() as i64;
    if checkpoint > saved {
        return Err(format!(
            "the checkpoint is {checkpoint} but only {saved} alerts are saved (lost)"
        ));
    }
    figures.containers = alerts.len();
    figures.artifacts = alerts.iter().map(|(_, parts)| parts.len()).sum();
    figures.checkpoint = checkpoint;
    figures.ahead_of_checkpoint = saved - checkpoint;
    check_vault(&store, &database, figures)
}

/// Each container's `source_data_identifier` and those of its artifacts, in the order they were
/// saved: one query, since the loop checks after every run.
fn stored_alerts(
    connection: &rusqlite::Connection,
) -> rusqlite::Result<Vec<(String, Vec<String>)>> {
    let mut statement = connection.prepare(
        "SELECT c.id, c.source_data_identifier, a.source_data_identifier FROM containers c
         LEFT JOIN artifacts a ON a.container_id = c.id ORDER BY c.id, a.id",
    )?;
    let mut rows = statement.query([])?;
    let mut alerts: Vec<(i64, String, Vec<String>)> = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        if alerts.last().is_none_or(|(last, _, _)| *last != id) {
            alerts.push((id, row.get(1)?, Vec::new()));
        }
        if let (Some((_, _, parts)), Some(part)) =
            (alerts.last_mut(), row.get::<_, Option<String>>(2)?)
        {
            parts.push(part);
        }
    }
    Ok(alerts
        .into_iter()
        .map(|(_, container, parts)| (container, parts))
        .collect())
}

/// The committed checkpoint of the state file (0 without one); an error when the file is not
/// a JSON object or something was kept aside as corrupt.
fn check_state(store: &Store) -> Result<i64, String> {
    let path = store.state_path(APPID, "local");
    if let Some(dir) = path.parent().filter(|dir| dir.is_dir()) {
        let entries = std::fs::read_dir(dir).map_err(|error| error.to_string())?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.contains(".corrupt-") {
                return Err(format!("a state file was kept aside as corrupt: {name}"));
            }
        }
    }
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(error) => return Err(format!("the state file cannot be read: {error}")),
    };
    let state =
        decode_file(&bytes).map_err(|error| format!("the state file is corrupt: {error:?}"))?;
    Ok(state
        .get("soar_checkpoints")
        .and_then(|checkpoints| checkpoints.get("alerts"))
        .and_then(Value::as_i64)
        .unwrap_or(0))
}

/// Every vault entry's file holds the content its SHA-1 names; counts the allowed leftovers.
fn check_vault(
    store: &Store,
    database: &soar_runtime::local::Database,
    figures: &mut Figures,
) -> Result<(), String> {
    let entries = database
        .vault_entries(None, None)
        .map_err(|error| format!("the vault cannot be read: {}", error.full_message()))?;
    let mut recorded = std::collections::BTreeSet::new();
    for entry in &entries {
        let bytes = std::fs::read(&entry.path).map_err(|error| {
            format!(
                "the file of vault entry {} is unreadable: {error}",
                entry.vault_id
            )
        })?;
        let sha1 = sha1_hex(&bytes);
        if sha1 != entry.vault_id {
            return Err(format!(
                "vault entry {} holds content of SHA-1 {sha1}",
                entry.vault_id
            ));
        }
        recorded.insert(entry.path.clone());
    }
    figures.vault_entries = entries.len();
    figures.orphan_vault_files = files_under(&store.vault_dir(), &store.vault_tmp_dir())
        .into_iter()
        .filter(|file| !recorded.contains(file))
        .count();
    figures.staged_leftovers = std::fs::read_dir(store.vault_tmp_dir()).map_or(0, Iterator::count);
    Ok(())
}

/// The files two levels under `vault` (`<prefix>/<sha1>`), leaving out `skip`.
fn files_under(vault: &Path, skip: &Path) -> Vec<PathBuf> {
    let Ok(prefixes) = std::fs::read_dir(vault) else {
        return Vec::new();
    };
    prefixes
        .flatten()
        .map(|prefix| prefix.path())
        .filter(|dir| dir != skip && dir.is_dir())
        .flat_map(|dir| std::fs::read_dir(dir).into_iter().flatten().flatten())
        .map(|file| file.path())
        .collect()
}

fn sha1_hex(bytes: &[u8]) -> String {
    use sha1::Digest as _;
    sha1::Sha1::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
