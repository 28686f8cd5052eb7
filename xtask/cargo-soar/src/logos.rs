//! The logos of a bundle: the files the app JSON names, from the connector package's directory,
//! or the framework's default SVGs when the package has none.

use std::path::Path;

use crate::{Failure, Outcome};

/// The default logo for light backgrounds.
pub const LIGHT: &[u8] = include_bytes!("assets/logo.svg");
/// The default logo for dark backgrounds.
pub const DARK: &[u8] = include_bytes!("assets/logo_dark.svg");

/// Which background a logo is for.
#[derive(Debug, Clone, Copy)]
pub enum Background {
    /// `logo`.
    Light,
    /// `logo_dark`.
    Dark,
}

/// The bytes of the logo file `name` (a plain file name) for `background`.
pub fn read(package_dir: &Path, name: &str, background: Background) -> Outcome<Vec<u8>> {
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return Err(Failure::new(format!(
            "the logo {name:?} is not a plain file name"
        )));
    }
    let path = package_dir.join(name);
    if path.is_file() {
        return std::fs::read(&path)
            .map_err(|error| Failure::new(format!("cannot read {}: {error}", path.display())));
    }
    Ok(match background {
        Background::Light => LIGHT.to_vec(),
        Background::Dark => DARK.to_vec(),
    })
}
