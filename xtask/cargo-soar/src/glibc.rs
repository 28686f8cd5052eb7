//! The manylinux promise of the wheel: its extension must need no glibc symbol version newer
//! than 2.28. Read from the ELF `.gnu.version_r` (the versions each needed library must
//! provide).

use object::Endianness;
use object::elf::FileHeader64;
use object::read::elf::FileHeader;

use crate::{Failure, Outcome};

/// The newest glibc a `manylinux_2_28` extension may need: the platform's.
pub const NEWEST_ALLOWED: (u32, u32) = soar_vocab::wheel::PLATFORM_GLIBC;

/// Every symbol version an ELF file needs, as `library: VERSION` (e.g. `libc.so.6: GLIBC_2.28`).
pub fn needed_versions(elf: &[u8]) -> Outcome<Vec<String>> {
    let unreadable =
        |error: object::read::Error| Failure::new(format!("not a 64-bit ELF file: {error}"));
    let header = FileHeader64::<Endianness>::parse(elf).map_err(unreadable)?;
    let endian = header.endian().map_err(unreadable)?;
    let sections = header.sections(endian, elf).map_err(unreadable)?;
    let mut versions = Vec::new();
    let Some((mut needs, link)) = sections.gnu_verneed(endian, elf).map_err(unreadable)? else {
        return Ok(versions);
    };
    let strings = sections.strings(endian, elf, link).map_err(unreadable)?;
    while let Some((need, mut auxes)) = needs.next().map_err(unreadable)? {
        let library = need.file(endian, strings).map_err(unreadable)?;
        while let Some(aux) = auxes.next().map_err(unreadable)? {
            let name = aux.name(endian, strings).map_err(unreadable)?;
            versions.push(format!(
                "{}: {}",
                String::from_utf8_lossy(library),
                String::from_utf8_lossy(name)
            ));
        }
    }
    Ok(versions)
}

/// The `(major, minor)` of a `GLIBC_x.y[.z]` version name.
pub fn glibc_version(name: &str) -> Option<(u32, u32)> {
    let mut parts = name.strip_prefix("GLIBC_")?.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}

/// Fails, naming them, when the ELF file needs glibc versions newer than [`NEWEST_ALLOWED`].
pub fn check(name: &str, elf: &[u8]) -> Outcome<()> {
    let too_new: Vec<String> = needed_versions(elf)?
        .into_iter()
        .filter(|entry| {
            entry
                .rsplit(' ')
                .next()
                .and_then(glibc_version)
                .is_some_and(|version| version > NEWEST_ALLOWED)
        })
        .collect();
    if too_new.is_empty() {
        return Ok(());
    }
    Err(Failure::new(format!(
        "{name} needs glibc symbols newer than 2.28, which breaks its manylinux_2_28 tag: {}",
        too_new.join(", ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_names() {
        assert_eq!(glibc_version("GLIBC_2.2.5"), Some((2, 2)));
        assert_eq!(glibc_version("GLIBC_2.28"), Some((2, 28)));
        assert_eq!(glibc_version("GLIBC_PRIVATE"), None);
        assert!(glibc_version("GLIBC_2.34").unwrap() > NEWEST_ALLOWED);
    }

    #[test]
    fn a_host_binary_linked_against_the_host_glibc_is_read_and_judged() {
        // This test binary is linked by the host toolchain (glibc 2.36 here): it needs versions.
        let me = std::fs::read(std::env::current_exe().unwrap()).unwrap();
        let versions = needed_versions(&me).unwrap();
        assert!(
            versions.iter().any(|v| v.starts_with("libc.so.6: GLIBC_")),
            "{versions:?}"
        );
        assert!(needed_versions(b"not an elf").is_err());
    }

    #[test]
    fn the_bundled_extension_needs_no_glibc_newer_than_2_28() {
        let path = std::env::var_os("SOAR_TEST_BUNDLE")
            .expect("SOAR_TEST_BUNDLE is not set: run the tests with `cargo xtask test`");
        let bundle = std::fs::read(&path).unwrap_or_else(|error| panic!("{path:?}: {error}"));
        let members = crate::tarball::read(&bundle).unwrap();
        let wheel = members
            .iter()
            .find(|member| member.path.ends_with(".whl"))
            .expect("the bundle holds a wheel");
        let extensions = crate::wheel::extensions(&wheel.data).unwrap();
        assert_eq!(extensions.len(), 1, "one extension module");
        let versions = needed_versions(&extensions[0].1).unwrap();
        let glibc: Vec<(u32, u32)> = versions
            .iter()
            .filter_map(|entry| entry.rsplit(' ').next().and_then(glibc_version))
            .collect();
        assert!(!glibc.is_empty(), "{versions:?}");
        let newest = glibc.iter().max().copied().unwrap_or_default();
        assert!(
            newest <= NEWEST_ALLOWED,
            "needs GLIBC_{}.{}: {versions:?}",
            newest.0,
            newest.1
        );
        check(&extensions[0].0, &extensions[0].1).unwrap();
    }
}
