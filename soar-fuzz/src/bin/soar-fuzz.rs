//! The fuzzing binary. Built with `--cfg fuzzing` (by `cargo xtask fuzz`) it is a libFuzzer
//! binary running the target that `SOAR_FUZZ_TARGET` names; otherwise it replays files:
//! `soar-fuzz <target> <file or directory>...`, how a crash the fuzzer saved is reproduced
//! under a debugger.

#![cfg_attr(fuzzing, no_main)]
// `fuzz_target!` exports `#[no_mangle]` functions, which count as unsafe code.
#![cfg_attr(not(fuzzing), forbid(unsafe_code))]

#[cfg(fuzzing)]
mod fuzzing {
    use std::sync::OnceLock;

    static TARGET: OnceLock<soar_fuzz::Target> = OnceLock::new();

    libfuzzer_sys::fuzz_target!(
        init: {
            let name = std::env::var("SOAR_FUZZ_TARGET").unwrap_or_default();
            if name == soar_fuzz::LIST {
                print!("{}", soar_fuzz::listing());
                std::process::exit(0);
            }
            let Some(target) = soar_fuzz::target(&name) else {
                eprintln!(
                    "soar-fuzz: SOAR_FUZZ_TARGET must name a target ({}), not {name:?}",
                    soar_fuzz::target_names()
                );
                std::process::exit(2);
            };
            let _ = TARGET.set(target);
        },
        |bytes: &[u8]| {
            if let Some(target) = TARGET.get() {
                (target.run)(bytes);
            }
        }
    );
}

#[cfg(not(fuzzing))]
fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_default();
    let Some(target) = soar_fuzz::target(&name) else {
        eprintln!(
            "usage: soar-fuzz <target> <file or directory>... (targets: {}); fuzz with `cargo xtask fuzz`",
            soar_fuzz::target_names()
        );
        return std::process::ExitCode::from(2);
    };
    for path in args {
        match soar_fuzz::inputs(std::path::Path::new(&path)) {
            Ok(files) => {
                for file in files {
                    println!("{}", file.display());
                    soar_fuzz::replay(target, &file);
                }
            }
            Err(error) => {
                eprintln!("soar-fuzz: cannot read {path}: {error}");
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    std::process::ExitCode::SUCCESS
}
