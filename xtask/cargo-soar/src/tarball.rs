//! Gzip tarballs: written reproducibly (sorted entries, fixed owner, modes and mtime, fixed
//! gzip header), and read back member by member for the tarball rules.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::GzDecoder;
use tar::{EntryType, Header};

use crate::{Failure, Outcome};

/// One member of a tarball.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The path as stored.
    pub path: String,
    /// What it is.
    pub kind: Kind,
    /// The content of a file (empty for other kinds).
    pub data: Vec<u8>,
}

/// The kind of a tarball member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A regular file.
    File,
    /// A directory.
    Directory,
    /// Anything else (links, devices), by its tar type.
    Other(String),
}

/// A gzip tarball of `files` (relative paths with `/`, to content), with a directory entry
/// for every parent directory. Everything that could vary is fixed: entries sorted by path,
/// owner `root` (0:0), modes 0755 and 0644, mtime `mtime`, GNU headers, a gzip header without
/// name or time.
pub fn write(files: &BTreeMap<String, Vec<u8>>, mtime: u64) -> Outcome<Vec<u8>> {
    let directories: BTreeSet<String> = files
        .keys()
        .flat_map(|path| {
            path.match_indices('/')
                .map(|(end, _)| format!("{}/", &path[..end]))
        })
        .collect();
    let mut entries: Vec<(&str, Option<&[u8]>)> = directories
        .iter()
        .map(|dir| (dir.as_str(), None))
        .chain(
            files
                .iter()
                .map(|(path, data)| (path.as_str(), Some(data.as_slice()))),
        )
        .collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    let encoder = flate2::GzBuilder::new()
        .mtime(0)
        .operating_system(255)
        .write(Vec::new(), Compression::best());
    let mut builder = tar::Builder::new(encoder);
    let failed = |error: std::io::Error| Failure::new(format!("cannot write the tarball: {error}"));
    for (path, data) in entries {
        let mut header = Header::new_gnu();
        header.set_uid(0);
        header.set_gid(0);
        header.set_username("root").map_err(failed)?;
        header.set_groupname("root").map_err(failed)?;
        header.set_mtime(mtime);
        match data {
            None => {
                header.set_entry_type(EntryType::Directory);
                header.set_mode(0o755);
                header.set_size(0);
                builder
                    .append_data(&mut header, path, std::io::empty())
                    .map_err(failed)?;
            }
            Some(data) => {
                header.set_entry_type(EntryType::Regular);
                header.set_mode(0o644);
                header.set_size(data.len() as u64);
                builder
                    .append_data(&mut header, path, data)
                    .map_err(failed)?;
            }
        }
    }
    let mut encoder = builder.into_inner().map_err(failed)?;
    encoder.flush().map_err(failed)?;
    encoder.finish().map_err(failed)
}

/// Every member of a gzip tarball, in stored order; fails (exit 2) on bytes that are not one.
pub fn read(bytes: &[u8]) -> Outcome<Vec<Member>> {
    let unreadable =
        |error: std::io::Error| Failure::unusable(format!("not a gzip tarball: {error}"));
    let mut archive = tar::Archive::new(GzDecoder::new(bytes));
    let mut members = Vec::new();
    for entry in archive.entries().map_err(unreadable)? {
        let mut entry = entry.map_err(unreadable)?;
        let path = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let kind = match entry.header().entry_type() {
            EntryType::Regular | EntryType::Continuous => Kind::File,
            EntryType::Directory => Kind::Directory,
            other => Kind::Other(format!("{other:?}").to_lowercase()),
        };
        let mut data = Vec::new();
        if kind == Kind::File {
            entry.read_to_end(&mut data).map_err(unreadable)?;
        }
        members.push(Member { path, kind, data });
    }
    Ok(members)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> BTreeMap<String, Vec<u8>> {
        [
            ("app/b.txt", "b"),
            ("app/a/deep.txt", "deep"),
            ("app/app.json", "{}"),
        ]
        .into_iter()
        .map(|(path, text)| (path.to_owned(), text.as_bytes().to_vec()))
        .collect()
    }

    #[test]
    fn writes_sorted_entries_with_their_directories_and_reads_them_back() {
        let bytes = write(&files(), 1_700_000_000).unwrap();
        let members = read(&bytes).unwrap();
        let paths: Vec<&str> = members.iter().map(|m| m.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "app/",
                "app/a/",
                "app/a/deep.txt",
                "app/app.json",
                "app/b.txt"
            ]
        );
        assert_eq!(members[0].kind, Kind::Directory);
        assert_eq!(members[2].data, b"deep");
    }

    #[test]
    fn the_same_files_give_the_same_bytes_and_the_header_is_fixed() {
        let first = write(&files(), 7).unwrap();
        assert_eq!(first, write(&files(), 7).unwrap());
        assert_ne!(first, write(&files(), 8).unwrap());
        // gzip header: magic, deflate, no flags, mtime 0, OS 255.
        assert_eq!(&first[..4], &[0x1f, 0x8b, 8, 0]);
        assert_eq!(&first[4..8], &[0, 0, 0, 0]);
        assert_eq!(first[9], 255);
        let mut archive = tar::Archive::new(GzDecoder::new(first.as_slice()));
        for entry in archive.entries().unwrap() {
            let header = entry.unwrap().header().clone();
            assert_eq!((header.uid().unwrap(), header.gid().unwrap()), (0, 0));
            assert_eq!(header.mtime().unwrap(), 7);
            let mode = header.mode().unwrap();
            assert!(mode == 0o755 || mode == 0o644, "{mode:o}");
        }
    }

    #[test]
    fn bytes_that_are_not_a_tarball_are_unreadable() {
        let failure = read(b"plain text").unwrap_err();
        assert_eq!(failure.code, 2);
    }
}
