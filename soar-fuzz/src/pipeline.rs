//! The whole run pipeline, from the bytes of an action JSON to the connector run result, in
//! process as the runtime's tests run it: the hand-written fixture connector of the `tests`
//! crate for its actions, the slow feed for `on_poll`, with the in-memory platform and state
//! stand-ins (no network, no files).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, Once};

use serde_json::Value;
use soar_runtime::action_json::ActionJson;
use soar_runtime::app_json::AppJson;
use soar_runtime::connector::Connector;
use soar_runtime::run::{RunOptions, run_to_writer, run_with_app};
use soar_tests::fixture::Fixture;
use soar_tests::poll_fixture::SlowFeed;

/// The fixture's deliberate panic (its `explode` action with a `boom` parameter) starts so.
const DELIBERATE_PANIC: &str = "boom: ";

/// The most alerts a fuzzed poll may ingest: more only repeats the same code for longer.
const MAX_ALERTS: i64 = 8;

static FIXTURE_APP: LazyLock<AppJson> = LazyLock::new(Fixture::app_json);
static FEED_APP: LazyLock<AppJson> = LazyLock::new(SlowFeed::app_json);

/// The input as an action JSON, run to its result twice: streamed to a writer and built in
/// memory. The two must be the same JSON text, byte for byte.
pub(crate) fn run(bytes: &[u8]) {
    watch_panics();
    run_once(bytes);
    assert!(
        !UNEXPECTED_PANIC.swap(false, Ordering::SeqCst),
        "the run panicked (the panic is printed above)"
    );
}

fn run_once(bytes: &[u8]) {
    let Ok(input) = ActionJson::from_json_slice(bytes) else {
        return;
    };
    match input.identifier.as_deref() {
        // Waits `seconds` (10 by default) on purpose: time, not code.
        Some("slow") => {}
        Some("on_poll") if feed_is_short(&input) => both_ways::<SlowFeed>(&FEED_APP, bytes),
        Some("on_poll") => {}
        _ => both_ways::<Fixture>(&FIXTURE_APP, bytes),
    }
}

/// Whether the slow feed of this input ingests at most [`MAX_ALERTS`] alerts with no pause.
fn feed_is_short(input: &ActionJson) -> bool {
    let Some(config) = &input.config else {
        return true;
    };
    let alerts_ok = match config.get("alerts") {
        Some(Value::Number(number)) => number.as_i64().is_some_and(|n| n <= MAX_ALERTS),
        Some(Value::String(text)) => text.trim().parse::<i64>().is_ok_and(|n| n <= MAX_ALERTS),
        _ => true,
    };
    let no_pause = match config.get("pause_ms") {
        None | Some(Value::Null) => true,
        Some(Value::Number(number)) => number.as_i64().is_some_and(|n| n <= 0),
        Some(_) => true,
    };
    alerts_ok && no_pause
}

fn both_ways<C: Connector>(app: &AppJson, bytes: &[u8]) {
    let parse = || ActionJson::from_json_slice(bytes).expect("it parsed before");
    let built = run_with_app::<C>(app, parse(), RunOptions::default()).to_json_pretty();
    let mut streamed = Vec::new();
    run_to_writer::<C, _>(app, parse(), RunOptions::default(), &mut streamed)
        .expect("writing to memory never fails");
    let streamed = String::from_utf8(streamed).expect("the streamed result is UTF-8");
    assert_eq!(
        streamed, built,
        "the streamed result differs from the built one"
    );
    serde_json::from_str::<Value>(&built).expect("the run result is JSON");
}

/// Set by the panic hook when a panic other than the fixture's deliberate one happened, even
/// one the runtime caught and turned into a failed result.
static UNEXPECTED_PANIC: AtomicBool = AtomicBool::new(false);

/// Makes the panic hook silent for the fixture's deliberate panic (which the runtime catches)
/// and note any other panic, which [`run`] then reports as its own: libFuzzer's hook would
/// abort on the deliberate one too.
fn watch_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let message = info
                .payload()
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| info.payload().downcast_ref::<&str>().copied())
                .unwrap_or_default();
            if !message.starts_with(DELIBERATE_PANIC) {
                UNEXPECTED_PANIC.store(true, Ordering::SeqCst);
                default_hook(info);
            }
        }));
    });
}
