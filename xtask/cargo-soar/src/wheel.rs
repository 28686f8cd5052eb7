//! The connector's extension as a real wheel: `maturin build --zig` of the generated bridge
//! crate (abi3 for Python 3.9 and later, `manylinux_2_28`), checked against its glibc promise.

use std::io::Read;
use std::path::Path;

use crate::bridge::Bridge;
use crate::provision::Venv;
use crate::{Failure, Outcome, cmd, glibc};

/// The wheel tag of every bundle: CPython stable ABI from 3.9, glibc 2.28, x86_64.
pub const TAG: &str = "cp39-abi3-manylinux_2_28_x86_64";

/// The wheel file name maturin gives the extension `module` at `version`.
pub fn file_name(module: &str, version: &str) -> String {
    format!("{module}-{version}-{TAG}.whl")
}

/// The time the wheel's members carry: 1980-01-01T00:00:00Z, the earliest a zip can hold. Not
/// the bundle's time: build scripts (the `cc` crate's among them) track `SOURCE_DATE_EPOCH`, so
/// a time that moves with every edit or commit would rebuild every C dependency (SQLite, ring)
/// each time; the tarball carries the bundle's time.
const WHEEL_EPOCH: u64 = 315_532_800;

/// Builds the wheel of `bridge` into `target_dir` and returns its bytes, after checking that it
/// is the expected `file_name` and that no extension in it needs glibc newer than 2.28.
///
/// The build is reproducible: zip timestamps are `WHEEL_EPOCH` (1980-01-01, the earliest a zip can hold), and the project's (`root`)
/// and cargo home's paths are remapped out of the binary.
pub fn build(
    venv: &Venv,
    bridge: &Bridge,
    target_dir: &Path,
    root: &Path,
    file_name: &str,
) -> Outcome<Vec<u8>> {
    let out = bridge.dir.join("wheels");
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .map_err(|error| Failure::new(format!("cannot clear {}: {error}", out.display())))?;
    }
    let cargo_home = std::env::var("CARGO_HOME")
        .unwrap_or_else(|_| format!("{}/.cargo", std::env::var("HOME").unwrap_or_default()));
    let rustflags = format!(
        "--remap-path-prefix={}=/soar --remap-path-prefix={cargo_home}=/cargo",
        root.display()
    );
    cmd::tool(
        venv.command("maturin")
            .current_dir(&bridge.dir)
            .args([
                "build",
                "--release",
                "--zig",
                "--compatibility",
                "manylinux_2_28",
            ])
            .arg("--manifest-path")
            .arg(bridge.dir.join("Cargo.toml"))
            .arg("--out")
            .arg(&out)
            .env("SOURCE_DATE_EPOCH", WHEEL_EPOCH.to_string())
            .env("CARGO_TARGET_DIR", target_dir)
            .env("RUSTFLAGS", rustflags),
        "maturin build",
    )?;
    let path = out.join(file_name);
    let bytes = std::fs::read(&path).map_err(|error| {
        Failure::new(format!(
            "maturin did not write the expected wheel {}: {error}",
            path.display()
        ))
    })?;
    for (name, elf) in extensions(&bytes)? {
        glibc::check(&name, &elf)?;
    }
    Ok(bytes)
}

/// The native extensions (`*.so`) inside a wheel, by member name.
pub fn extensions(wheel: &[u8]) -> Outcome<Vec<(String, Vec<u8>)>> {
    let unreadable = |error: zip::result::ZipError| Failure::new(format!("not a wheel: {error}"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(wheel)).map_err(unreadable)?;
    let mut found = Vec::new();
    for index in 0..archive.len() {
        let mut member = archive.by_index(index).map_err(unreadable)?;
        let name = member.name().map_err(unreadable)?.into_owned();
        if Path::new(&name).extension().is_some_and(|ext| ext == "so") {
            let mut bytes = Vec::new();
            member
                .read_to_end(&mut bytes)
                .map_err(|error| Failure::new(format!("cannot read {name}: {error}")))?;
            found.push((name, bytes));
        }
    }
    Ok(found)
}
