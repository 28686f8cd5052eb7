//! `alertdesk-fake`: serves a fake AlertDesk on 127.0.0.1 until it is killed, for end-to-end
//! runs of the AlertDesk connector. It prints one line on stdout once it is listening:
//! `listening on http://127.0.0.1:<port>`. The client credentials it accepts are
//! `alertdesk_fake::CLIENT_ID` and `alertdesk_fake::CLIENT_SECRET`.

use std::io::Write;
use std::process::ExitCode;

use alertdesk_fake::FakeService;
use clap::Parser;

/// Serve a fake AlertDesk REST service on 127.0.0.1 until killed.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// Number of sample alerts to serve (raised in the last minutes)
    #[arg(long, default_value_t = 0)]
    alerts: usize,
    /// Port to listen on (0: a free one)
    #[arg(long, default_value_t = 0)]
    port: u16,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let fake = match FakeService::start_on_port(args.port) {
        Ok(fake) => fake,
        Err(error) => {
            eprintln!(
                "alertdesk-fake: cannot listen on 127.0.0.1:{}: {error}",
                args.port
            );
            return ExitCode::from(2);
        }
    };
    fake.add_sample_alerts(args.alerts);
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "listening on {}", fake.base_url());
    let _ = stdout.flush();
    fake.serve_forever();
    ExitCode::SUCCESS
}
