//! `alertdesk`: the AlertDesk connector's local runner (`alertdesk run action.json`,
//! `alertdesk app-json`, `alertdesk action lookup_indicator --param indicator=203.0.113.7`).

fn main() -> std::process::ExitCode {
    soar_runtime::cli::main::<alertdesk::AlertDesk>()
}
