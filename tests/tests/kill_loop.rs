//! A representative part of the kill loop (`cargo xtask killloop` runs 1,000 kills): polls and
//! vault writes of the slow feed's binary SIGKILLed at 40 random moments leave no corrupt
//! state file, no unreadable database, no container or artifact lost or duplicated.

use soar_tests::kill_loop::{Plan, run};

#[test]
fn forty_kills_break_nothing_the_checkpoint_contract_allows() {
    let seed = fastrand::u64(..);
    let work = tempfile::tempdir().unwrap();
    let plan = Plan {
        binary: env!("CARGO_BIN_EXE_poll_fixture").into(),
        kills: 40,
        seed,
    };
    let figures = run(&plan, work.path());
    println!("{figures}");
    assert!(figures.violations.is_empty(), "{figures}");
    assert_eq!(figures.kills, 40);
    assert!(figures.containers > 0, "nothing was ingested: {figures}");
}
