//! The AlertDesk connector: the service's API as Splunk SOAR actions, written with the
//! framework's macros. `alertdesk` (the binary) is its local runner.

mod output;
mod rest;
mod view;
mod webhook;

use std::time::Duration;

use soar_runtime::http::HttpClient;
use soar_runtime::prelude::*;
use soar_runtime::values::Ip;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

pub use output::{BlocklistOutput, IndicatorOutput, IndicatorSummary, TicketOutput, TicketSummary};
pub use rest::{POLL_STATUS, poll_status};
pub use view::verdict_card;
pub use webhook::{CLIENT_HEADER, alert_pushed};

use crate::api::NewTicket;
use crate::client::{AlertDeskClient, AlertDeskState};
use crate::indicator::Indicator;
use crate::ingest::{AlertCheckpoint, alert_container};

/// The name of the poll's checkpoint in the state.
pub const CHECKPOINT: &str = "alerts";
/// The page size asked of `GET /api/v1/alerts` (the service's largest).
pub const PAGE_SIZE: usize = 100;

/// Look up threat intelligence, block IP addresses, open tickets and ingest alerts from
/// AlertDesk.
#[connector(
    appid = "10f8301c-abec-432e-ac9d-7244a3362f6d",
    name = "AlertDesk",
    publisher = "Example Corp",
    app_type = "threat intel",
    product_vendor = "Example Corp",
    product_name = "AlertDesk",
    license = "Apache-2.0",
    webhook(
        handler = alert_pushed,
        requires_auth = false,
        allowed_headers = ["Content-Type", "X-AlertDesk-Client"]
    ),
    rest_handler(handler = poll_status),
    hooks
)]
pub struct AlertDesk {
    /// Base URL of the AlertDesk API, starting with https:// or http://
    base_url: String,
    /// OAuth client ID of the integration
    client_id: String,
    /// OAuth client secret of the integration
    client_secret: Secret,
    /// Verify the server's TLS certificate
    #[config(default = true)]
    verify_server_cert: bool,
    /// Time limit of one request, in seconds
    #[config(default = 30)]
    timeout: u32,
    /// How often to retry a request AlertDesk turned away for now (rate limit, server error)
    #[config(default = 3)]
    max_retries: u32,
    /// How many days back the first poll ingests alerts from
    #[config(default = 7)]
    first_poll_days: u32,
    #[config(skip)]
    client: Option<AlertDeskClient>,
}

impl Hooks for AlertDesk {
    /// Checks the configuration and sets up the API client, with the access token cached in
    /// the state (a state that cannot be read only loses the token).
    fn initialize(&mut self, ctx: &mut Ctx) -> Result<(), ActionError> {
        let invalid = |field: &str, reason: &str| {
            ActionError::new(format!(
                "Configuration field '{field}' is invalid: {reason}"
            ))
        };
        let base_url = url::Url::parse(&self.base_url)
            .ok()
            .filter(|url| matches!(url.scheme(), "http" | "https") && url.has_host())
            .ok_or_else(|| invalid("base_url", "it must be an http:// or https:// URL"))?;
        if self.timeout == 0 {
            return Err(invalid("timeout", "it must be at least 1 second"));
        }
        let http = HttpClient::builder_from_ctx(ctx)
            .verify_server_cert(self.verify_server_cert)
            .timeout(Duration::from_secs(self.timeout.into()))
            .max_retries(self.max_retries)
            .user_agent(concat!("alertdesk-soar/", env!("CARGO_PKG_VERSION")))
            .build()?;
        let state = match ctx.typed_state::<AlertDeskState>() {
            Ok(state) => state,
            Err(error) => {
                ctx.debug_print("state", format!("the cached token is not used: {error}"));
                AlertDeskState::default()
            }
        };
        self.client = Some(AlertDeskClient::new(
            http,
            base_url,
            self.client_id.clone(),
            self.client_secret.clone(),
            state,
        ));
        Ok(())
    }
}

impl AlertDesk {
    /// The API client `initialize` set up.
    fn client(&mut self) -> Result<&mut AlertDeskClient, ActionError> {
        self.client
            .as_mut()
            .ok_or_else(|| ActionError::new("The AlertDesk client is not set up"))
    }
}

/// Validate the asset configuration by getting an access token and asking AlertDesk who the
/// integration is.
#[test_connectivity]
fn test_connectivity(desk: &mut AlertDesk, ctx: &mut Ctx) -> Result<(), ActionError> {
    ctx.save_progress(format!("Connecting to {}", desk.base_url));
    match desk.client()?.me(ctx) {
        Ok(me) => {
            ctx.save_progress(format!("Authenticated as {}", me.name));
            ctx.save_progress("Test Connectivity Passed");
            Ok(())
        }
        Err(error) => {
            ctx.save_progress("Test Connectivity Failed");
            Err(error)
        }
    }
}

/// Look up what AlertDesk knows about an IP address, a domain or a file hash.
///
/// Returns AlertDesk's verdict and score; an indicator AlertDesk has no intelligence on has
/// the verdict `unknown`.
#[action(
    identifier = "lookup_indicator",
    name = "lookup indicator",
    kind = "investigate",
    read_only,
    render(view = verdict_card, title = "AlertDesk verdict", width = 4, height = 5)
)]
fn lookup_indicator(
    desk: &mut AlertDesk,
    ctx: &mut Ctx,
    /// IP address, domain or file hash to look up
    #[param(primary)]
    indicator: Indicator,
) -> Result<Output<IndicatorOutput, IndicatorSummary>, ActionError> {
    ctx.save_progress(format!("Looking up {} {indicator}", indicator.kind()));
    let record = desk.client()?.indicator(ctx, &indicator.to_string())?;
    let output = IndicatorOutput::new(&indicator, record);
    let summary = IndicatorSummary::of(&output);
    Ok(Output::new([output]).with_summary(summary))
}

/// Block an IP address on AlertDesk's blocklist.
///
/// An address that is blocked already stays so; the action succeeds and says so.
#[action(
    identifier = "block_ip",
    name = "block ip",
    kind = "contain",
    undo = "unblock ip",
    render = "table"
)]
fn block_ip(
    desk: &mut AlertDesk,
    ctx: &mut Ctx,
    /// IP address to block
    #[param(primary)]
    ip: Ip,
    /// Why the address is blocked
    comment: Option<String>,
) -> Result<Output<BlocklistOutput>, ActionError> {
    let ip = ip.to_string();
    ctx.save_progress(format!("Blocking {ip}"));
    let entry = desk.client()?.block(ctx, &ip, comment.as_deref())?;
    let (output, message) = match entry {
        Some(entry) => (
            BlocklistOutput {
                ip: ip.clone(),
                blocked: true,
                changed: true,
                comment: entry.comment,
                blocked_at: Some(entry.created),
            },
            format!("{ip} is blocked"),
        ),
        None => (
            BlocklistOutput {
                ip: ip.clone(),
                blocked: true,
                changed: false,
                comment: None,
                blocked_at: None,
            },
            format!("{ip} was blocked already"),
        ),
    };
    Ok(Output::new([output]).with_message(message))
}

/// Remove an IP address from AlertDesk's blocklist.
///
/// An address that is not blocked stays so; the action succeeds and says so.
#[action(
    identifier = "unblock_ip",
    name = "unblock ip",
    kind = "correct",
    render = "table"
)]
fn unblock_ip(
    desk: &mut AlertDesk,
    ctx: &mut Ctx,
    /// IP address to unblock
    #[param(primary)]
    ip: Ip,
) -> Result<Output<BlocklistOutput>, ActionError> {
    let ip = ip.to_string();
    ctx.save_progress(format!("Unblocking {ip}"));
    let changed = desk.client()?.unblock(ctx, &ip)?;
    let message = if changed {
        format!("{ip} is unblocked")
    } else {
        format!("{ip} was not blocked")
    };
    let output = BlocklistOutput {
        ip,
        blocked: false,
        changed,
        comment: None,
        blocked_at: None,
    };
    Ok(Output::new([output]).with_message(message))
}

/// Create a ticket in AlertDesk, optionally about one of its alerts.
#[action(
    identifier = "create_ticket",
    name = "create ticket",
    kind = "generic",
    render = "table"
)]
fn create_ticket(
    desk: &mut AlertDesk,
    ctx: &mut Ctx,
    /// Title of the ticket
    title: String,
    /// Description of the ticket
    description: Option<String>,
    /// Priority of the ticket
    #[param(default = "medium", value_list = ["low", "medium", "high", "critical"])]
    priority: Option<String>,
    /// AlertDesk alert the ticket is about
    #[param(primary, contains = [custom("alertdesk alert id")])]
    alert_id: Option<String>,
) -> Result<Output<TicketOutput, TicketSummary>, ActionError> {
    ctx.save_progress("Creating the ticket");
    let ticket = desk.client()?.create_ticket(
        ctx,
        &NewTicket {
            title: &title,
            description: description.as_deref(),
            priority: priority.as_deref(),
            alert_id: alert_id.as_deref(),
        },
    )?;
    let output = TicketOutput::from(ticket);
    let summary = TicketSummary {
        ticket_id: output.id.clone(),
    };
    let message = format!("Ticket {} created", output.id);
    Ok(Output::new([output])
        .with_summary(summary)
        .with_message(message))
}

/// Ingest the alerts raised since the last poll, oldest first, one container each.
///
/// The checkpoint (the last alert saved) is committed after every saved container, so a poll
/// that stops for any reason resumes where it stopped. Without a checkpoint the poll starts
/// at the platform's `start_time`, else `first_poll_days` back. "Poll Now" ingests at most
/// the user's container count.
#[on_poll]
fn on_poll(desk: &mut AlertDesk, ctx: &mut Ctx, params: PollParams) -> Result<(), ActionError> {
    let checkpoint: Option<AlertCheckpoint> = ctx.checkpoint(CHECKPOINT)?;
    let since = match (&checkpoint, params.start_time) {
        (Some(checkpoint), _) => checkpoint.created,
        (None, Some(start_ms)) => {
            OffsetDateTime::from_unix_timestamp_nanos(i128::from(start_ms) * 1_000_000)
                .map_err(|error| ActionError::new(format!("Invalid start_time: {error}")))?
        }
        (None, None) => {
            OffsetDateTime::now_utc() - time::Duration::days(desk.first_poll_days.into())
        }
    };
    let since = since
        .replace_nanosecond(0)
        .unwrap_or(since)
        .format(&Rfc3339)
        .map_err(|error| ActionError::new(format!("Invalid start of the poll: {error}")))?;
    let mut remaining = params.container_limit().map(|limit| limit as usize);
    ctx.save_progress(match &checkpoint {
        Some(checkpoint) => format!("Polling for alerts after {}", checkpoint.id),
        None => format!("Polling for alerts since {since}"),
    });
    let mut cursor: Option<String> = None;
    let mut saved = 0usize;
    'pages: loop {
        let limit = remaining.map_or(PAGE_SIZE, |remaining| remaining.clamp(1, PAGE_SIZE));
        let page = desk
            .client()?
            .alerts(ctx, &since, limit, cursor.as_deref())?;
        ctx.send_progress(format!("Received {} alerts", page.data.len()));
        for alert in page.data {
            if checkpoint
                .as_ref()
                .is_some_and(|checkpoint| !checkpoint.precedes(&alert))
            {
                continue;
            }
            if remaining == Some(0) || ctx.is_cancelled() {
                break 'pages;
            }
            ctx.save_container(alert_container(&alert))?;
            ctx.commit_checkpoint(CHECKPOINT, &AlertCheckpoint::after(&alert))?;
            saved += 1;
            remaining = remaining.map(|remaining| remaining - 1);
        }
        match page.next_cursor {
            Some(next) if remaining != Some(0) => cursor = Some(next),
            _ => break,
        }
    }
    ctx.save_progress(format!("Ingested {saved} new alerts"));
    Ok(())
}
