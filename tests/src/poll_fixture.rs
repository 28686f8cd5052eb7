//! A connector whose on poll ingests numbered alerts slowly, committing a checkpoint after each
//! container: what the local runner's tests kill half way. `poll_fixture` is its binary.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use soar_runtime::prelude::*;

/// A slow feed of numbered alerts.
#[connector(
    appid = "5d0e9a41-7c2b-4f8e-a1d3-6b4c2e9f0a17",
    name = "Slow Feed",
    publisher = "Example Corp",
    app_type = "siem",
    product_vendor = "Example",
    product_name = "Slow Feed",
    license = "Apache-2.0"
)]
pub struct SlowFeed {
    /// How many alerts the feed holds
    alerts: i64,
    /// Milliseconds to wait after saving each alert, before its checkpoint
    pause_ms: Option<i64>,
    /// A token the feed keeps in its state
    token: Option<Secret>,
}

/// The typed state of the feed: how many polls ran, and the token (stored encrypted).
#[derive(Debug, Default, Serialize, Deserialize)]
struct FeedState {
    polls: u32,
    token: Option<Secret>,
}

/// Ingests the alerts after the checkpoint, three artifacts each, then commits the checkpoint;
/// says "saved alert N" after each container is saved.
#[on_poll]
fn poll(feed: &mut SlowFeed, ctx: &mut Ctx, params: PollParams) -> Result<(), ActionError> {
    let mut state: FeedState = ctx.typed_state()?;
    state.polls += 1;
    if let Some(token) = &feed.token {
        state.token = Some(token.clone());
    }
    ctx.set_typed_state(&state)?;
    let start = ctx.checkpoint::<i64>("alerts")?.map_or(1, |last| last + 1);
    let limit = params.container_limit().map_or(usize::MAX, |n| n as usize);
    let pause = Duration::from_millis(feed.pause_ms.unwrap_or(0).max(0) as u64);
    for number in (start..=feed.alerts).take(limit) {
        if ctx.is_cancelled() {
            break;
        }
        let mut container = Container::new(format!("Alert {number}"), format!("alert-{number}"))
            .severity(Severity::High);
        for part in 0..3 {
            container = container.artifact(
                Artifact::new(format!("part {part}"))
                    .source_data_identifier(format!("{number}-{part}"))
                    .cef("requestURL", format!("https://example.com/{number}/{part}")),
            );
        }
        let saved = ctx.save_container(container)?;
        ctx.save_progress(format!("saved alert {number} as container {}", saved.id));
        std::thread::sleep(pause);
        ctx.commit_checkpoint("alerts", &number)?;
    }
    Ok(())
}

/// What `attach` reports.
#[derive(Serialize, ActionOutput)]
pub struct Attached {
    /// The vault id of the file
    #[output(column = "Vault ID")]
    vault_id: String,
    /// How many vault entries have that id
    entries: u32,
}

/// Attaches a text to a container's vault.
#[action(identifier = "attach")]
fn attach(
    _feed: &mut SlowFeed,
    ctx: &mut Ctx,
    container: i64,
    text: String,
) -> Result<Attached, ActionError> {
    let entry = ctx.vault_add_bytes(container, "note.txt", text.as_bytes())?;
    let entries = ctx.vault_info(&entry.vault_id)?.len() as u32;
    Ok(Attached {
        vault_id: entry.vault_id,
        entries,
    })
}
