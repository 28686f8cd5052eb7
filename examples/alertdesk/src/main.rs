//! `alertdesk`: the AlertDesk connector's local runner.

fn main() {}
