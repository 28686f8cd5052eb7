//! `whois`: the WHOIS connector's local runner (`whois run action.json`, `whois app-json`,
//! `whois action whois_domain --param domain=example.com`).

fn main() -> std::process::ExitCode {
    soar_runtime::cli::main::<whois::connector::Whois>()
}
