//! The Python wheels an app ships beside the connector's own (`pip39_dependencies`,
//! `pip313_dependencies`): where a wheel may sit in the app directory, and whether the
//! platform's pip installs it for the Python version of the list that names it.
//!
//! The platform runs each app on CPython `3.<minor>` (the minor of the list's key) on Linux
//! x86_64 with glibc 2.28, and installs every listed wheel with pip, which refuses a wheel
//! none of whose tags fit the interpreter. The tags are the last three dash-separated parts of
//! the file name (`<python>-<abi>-<platform>`, each a `.`-separated set), as PEP 427 writes
//! them; a wheel fits when one combination of them does:
//!
//! - `py3`, `py2.py3` or `py3N` with N up to the minor, with ABI `none`: pure Python;
//! - `cp3N` with ABI `abi3` and N up to the minor: the stable ABI of CPython 3.N and later;
//! - `cp3N` with ABI `cp3N` (or `none`) and N the minor: built for that CPython only;
//!
//! and platform `any`, `linux_x86_64`, `manylinux1_x86_64`, `manylinux2010_x86_64`,
//! `manylinux2014_x86_64` or `manylinux_2_M_x86_64` with M up to 28.

use std::fmt;

/// The newest glibc the platform provides, which a `manylinux_2_<M>` wheel may need.
pub const PLATFORM_GLIBC: (u32, u32) = (2, 28);

/// The glibc minor each legacy manylinux tag stands for (PEP 600).
const LEGACY_MANYLINUX: [(&str, u32); 3] = [
    ("manylinux1", 5),
    ("manylinux2010", 12),
    ("manylinux2014", 17),
];

/// The folder the official SDK and the bundler put wheels in; every wheel path starts with it.
pub const WHEELS_DIR: &str = "wheels/";

/// A wheel's file name, split into the parts pip reads (PEP 427).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WheelName<'a> {
    /// The distribution, as the file name spells it (`google_auth`): what the app JSON's
    /// `module` names.
    pub distribution: &'a str,
    /// The distribution's version.
    pub version: &'a str,
    /// The Python tags (`py2`, `py3`, `cp39`, ...).
    pub python: Vec<&'a str>,
    /// The ABI tags (`none`, `abi3`, `cp39`, ...).
    pub abi: Vec<&'a str>,
    /// The platform tags (`any`, `manylinux_2_28_x86_64`, ...).
    pub platform: Vec<&'a str>,
}

/// Why a wheel cannot be listed where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WheelProblem {
    /// The path is not a relative path below [`WHEELS_DIR`] of plain names.
    Path,
    /// The file name is not `<distribution>-<version>[-<build>]-<python>-<abi>-<platform>.whl`.
    FileName,
    /// No tag combination fits CPython `3.<minor>` on Linux x86_64 with glibc 2.28.
    Python {
        /// The Python minor of the list.
        minor: u32,
    },
}

impl fmt::Display for WheelProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Path => write!(
                f,
                "is not a path below `{WHEELS_DIR}` in the app directory (relative, `/`-separated, without `.` or `..` parts)"
            ),
            Self::FileName => f.write_str(
                "is not a wheel file name: `<distribution>-<version>[-<build>]-<python tag>-<abi tag>-<platform tag>.whl`",
            ),
            Self::Python { minor } => write!(
                f,
                "does not install on the platform's Python 3.{minor} (Linux x86_64, glibc {}.{}): none of its tags fits",
                PLATFORM_GLIBC.0, PLATFORM_GLIBC.1
            ),
        }
    }
}

impl<'a> WheelName<'a> {
    /// The parts of a wheel file name (a bare name, no folder).
    pub fn parse(file_name: &'a str) -> Option<Self> {
        let stem = file_name.strip_suffix(".whl")?;
        let parts: Vec<&str> = stem.split('-').collect();
        if !(5..=6).contains(&parts.len()) || parts.iter().any(|part| part.is_empty()) {
            return None;
        }
        let tags = |part: &'a str| part.split('.').collect::<Vec<_>>();
        let last = parts.len() - 1;
        Some(Self {
            distribution: parts[0],
            version: parts[1],
            python: tags(parts[last - 2]),
            abi: tags(parts[last - 1]),
            platform: tags(parts[last]),
        })
    }

    /// Whether pip on CPython `3.<minor>`, Linux x86_64 with the platform's glibc, installs it.
    pub fn installs_on(&self, minor: u32) -> bool {
        self.platform.iter().any(|platform| fits_platform(platform))
            && self.python.iter().any(|python| {
                self.abi
                    .iter()
                    .any(|abi| fits_interpreter(python, abi, minor))
            })
    }
}

/// The Python minor a `pip3<minor>_dependencies` key installs for (`pip39_dependencies` gives
/// 9); `None` for the keys of no single version (`pip_dependencies`, `pip3_dependencies`).
pub fn dependencies_minor(key: &str) -> Option<u32> {
    python3_minor(key.strip_prefix("pip")?.strip_suffix("_dependencies")?)
}

/// Whether `path` is a relative path below [`WHEELS_DIR`] of plain names, where an app's wheels
/// lie (whatever its file name).
pub fn is_wheel_path(path: &str) -> bool {
    wheel_file_name(path).is_some()
}

/// The problem with listing the wheel at `path` (in the app directory) for CPython
/// `3.<minor>`, if any.
pub fn problem(path: &str, minor: u32) -> Option<WheelProblem> {
    let Some(name) = wheel_file_name(path) else {
        return Some(WheelProblem::Path);
    };
    match WheelName::parse(name) {
        None => Some(WheelProblem::FileName),
        Some(wheel) if !wheel.installs_on(minor) => Some(WheelProblem::Python { minor }),
        Some(_) => None,
    }
}

/// The distribution a wheel at `path` holds, as its file name spells it; `None` when the path
/// is no wheel's.
pub fn distribution(path: &str) -> Option<&str> {
    WheelName::parse(wheel_file_name(path)?).map(|wheel| wheel.distribution)
}

/// The file name of a wheel path below [`WHEELS_DIR`], if the path is one.
fn wheel_file_name(path: &str) -> Option<&str> {
    let below = path.strip_prefix(WHEELS_DIR)?;
    let plain = below
        .split('/')
        .all(|part| !part.is_empty() && part != "." && part != ".." && !part.contains('\\'));
    if !plain {
        return None;
    }
    below.rsplit('/').next()
}

/// Whether a Python tag and an ABI tag fit CPython `3.<minor>`.
fn fits_interpreter(python: &str, abi: &str, minor: u32) -> bool {
    if let Some(version) = python.strip_prefix("py") {
        return abi == "none"
            && (version == "3" || python3_minor(version).is_some_and(|from| from <= minor));
    }
    let Some(built_for) = python.strip_prefix("cp").and_then(python3_minor) else {
        return false;
    };
    match abi {
        "abi3" => built_for <= minor,
        "none" => built_for == minor,
        _ => {
            built_for == minor
                && abi
                    .strip_prefix(&format!("cp3{minor}"))
                    .is_some_and(|flags| flags.is_empty() || flags == "m")
        }
    }
}

/// The minor of a `3<minor>` version tag (`39` gives 9, `313` gives 13).
fn python3_minor(version: &str) -> Option<u32> {
    let digits = version.strip_prefix('3')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether a platform tag installs on Linux x86_64 with [`PLATFORM_GLIBC`].
fn fits_platform(platform: &str) -> bool {
    if platform == "any" || platform == "linux_x86_64" {
        return true;
    }
    let Some(manylinux) = platform.strip_suffix("_x86_64") else {
        return false;
    };
    let glibc_minor = LEGACY_MANYLINUX
        .iter()
        .find(|(tag, _)| *tag == manylinux)
        .map(|(_, minor)| *minor)
        .or_else(|| {
            let (major, minor) = manylinux.strip_prefix("manylinux_")?.split_once('_')?;
            (major.parse::<u32>().ok()? == PLATFORM_GLIBC.0).then_some(minor.parse().ok()?)
        });
    glibc_minor.is_some_and(|minor| minor <= PLATFORM_GLIBC.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_split_into_their_tags() {
        let wheel = WheelName::parse("google_auth-2.41.1-py2.py3-none-any.whl").unwrap();
        assert_eq!(wheel.distribution, "google_auth");
        assert_eq!(wheel.version, "2.41.1");
        assert_eq!(wheel.python, ["py2", "py3"]);
        assert_eq!((wheel.abi, wheel.platform), (vec!["none"], vec!["any"]));
        let built = WheelName::parse("x-1.0-1build-cp39-abi3-manylinux2014_x86_64.whl").unwrap();
        assert_eq!(built.python, ["cp39"]);
        for bad in [
            "x-1.0-py3-none.whl",
            "x-1.0-py3-none-any.zip",
            "x--py3-none-any.whl",
            "a-b-c-d-e-f-g.whl",
        ] {
            assert_eq!(WheelName::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn pure_wheels_install_from_their_minor_on() {
        for (name, on_39, on_313) in [
            ("x-1-py3-none-any.whl", true, true),
            ("x-1-py2.py3-none-any.whl", true, true),
            ("x-1-py310-none-any.whl", false, true),
            ("x-1-py2-none-any.whl", false, false),
            ("x-1-py3-abi3-any.whl", false, false),
        ] {
            let wheel = WheelName::parse(name).unwrap();
            assert_eq!(
                (wheel.installs_on(9), wheel.installs_on(13)),
                (on_39, on_313),
                "{name}"
            );
        }
    }

    #[test]
    fn native_wheels_install_on_their_interpreter_or_later_with_abi3() {
        for (name, on_39, on_313) in [
            ("x-1-cp39-cp39-manylinux_2_17_x86_64.whl", true, false),
            ("x-1-cp313-cp313-manylinux_2_28_x86_64.whl", false, true),
            ("x-1-cp36-abi3-manylinux2014_x86_64.whl", true, true),
            (
                "x-1-cp311-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                false,
                true,
            ),
            ("x-1-cp39-none-linux_x86_64.whl", true, false),
            ("x-1-cp39-cp39m-manylinux1_x86_64.whl", true, false),
            ("x-1-cp39-cp39-manylinux_2_34_x86_64.whl", false, false),
            ("x-1-cp39-cp39-manylinux_2_28_aarch64.whl", false, false),
            ("x-1-cp39-cp39-win_amd64.whl", false, false),
            ("x-1-cp39-cp39-macosx_11_0_x86_64.whl", false, false),
            (
                "x-1-pp39-pypy39_pp73-manylinux2014_x86_64.whl",
                false,
                false,
            ),
        ] {
            let wheel = WheelName::parse(name).unwrap();
            assert_eq!(
                (wheel.installs_on(9), wheel.installs_on(13)),
                (on_39, on_313),
                "{name}"
            );
        }
        let compressed =
            "x-1-cp39-cp39-manylinux_2_5_x86_64.manylinux1_x86_64.manylinux_2_34_x86_64.whl";
        assert!(WheelName::parse(compressed).unwrap().installs_on(9));
    }

    #[test]
    fn paths_lie_below_the_wheels_folder() {
        assert_eq!(problem("wheels/py3/x-1-py3-none-any.whl", 9), None);
        assert_eq!(problem("wheels/x-1-py3-none-any.whl", 13), None);
        for bad in [
            "x-1-py3-none-any.whl",
            "/wheels/x-1-py3-none-any.whl",
            "wheels/../x-1-py3-none-any.whl",
            "wheels//x-1-py3-none-any.whl",
            "wheels/py3\\x-1-py3-none-any.whl",
            "wheels/",
        ] {
            assert_eq!(problem(bad, 9), Some(WheelProblem::Path), "{bad}");
        }
        assert_eq!(problem("wheels/py3/x.whl", 9), Some(WheelProblem::FileName));
        assert_eq!(
            problem("wheels/py313/x-1-cp313-cp313-manylinux_2_28_x86_64.whl", 9),
            Some(WheelProblem::Python { minor: 9 })
        );
        assert_eq!(
            distribution("wheels/shared/PyNaCl-1.5.0-cp36-abi3-manylinux2014_x86_64.whl"),
            Some("PyNaCl")
        );
    }

    #[test]
    fn dependency_keys_name_their_minor() {
        assert_eq!(dependencies_minor("pip39_dependencies"), Some(9));
        assert_eq!(dependencies_minor("pip313_dependencies"), Some(13));
        assert_eq!(dependencies_minor("pip3_dependencies"), None);
        assert_eq!(dependencies_minor("pip_dependencies"), None);
        assert_eq!(dependencies_minor("pip3x_dependencies"), None);
    }
}
