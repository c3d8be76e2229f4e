//! Where the keyring comes from: `NUMBERS_SECRET_KEY`, or on SQLite (one instance by design)
//! the key file `secret.key` in the data folder, created on first start with mode 0600.

use super::{Keyring, SecretKey};
use std::fmt;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The environment variable holding the keys, newest first.
pub const SECRET_KEY_VAR: &str = "NUMBERS_SECRET_KEY";
/// The key file's name in the data folder.
pub const KEY_FILE: &str = "secret.key";

/// Where the keys were read from, named in every error about them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeySource {
    /// [`SECRET_KEY_VAR`].
    Variable,
    /// A key file.
    File(PathBuf),
}

impl fmt::Display for KeySource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Variable => f.write_str(SECRET_KEY_VAR),
            Self::File(path) => write!(f, "the key file {}", path.display()),
        }
    }
}

/// The keyring from `variable` when set; otherwise, when the database is SQLite, from the key
/// file in `data_dir` (created with a new key if missing). Errors name the variable or file.
pub fn load(
    variable: Option<&str>,
    database_is_sqlite: bool,
    data_dir: &Path,
) -> Result<(Keyring, KeySource), String> {
    if let Some(text) = variable {
        let ring = Keyring::parse(text).map_err(|err| format!("{SECRET_KEY_VAR}: {err}"))?;
        return Ok((ring, KeySource::Variable));
    }
    if !database_is_sqlite {
        return Err(format!(
            "{SECRET_KEY_VAR} is not set: with PostgreSQL every instance needs the same key to \
             read the Twilio credentials it stores; create one with `server generate-secret-key`"
        ));
    }
    let path = data_dir.join(KEY_FILE);
    let source = KeySource::File(path.clone());
    let text = read_or_create(&path).map_err(|err| format!("{source}: {err}"))?;
    let ring = Keyring::parse(&text)
        .map_err(|err| format!("{source}: {err} (or set {SECRET_KEY_VAR} instead)"))?;
    Ok((ring, source))
}

/// The key file's text; a missing file is created with one new key, atomically (a hard link
/// from a private temporary file), so two servers starting at once agree on one key.
fn read_or_create(path: &Path) -> Result<String, String> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err("is not a regular file".into()),
        Ok(meta) => {
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                return Err(format!(
                    "is readable by others (mode {mode:o}); run `chmod 600 {}`",
                    path.display()
                ));
            }
            std::fs::read_to_string(path).map_err(|err| err.to_string())
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => create(path),
        Err(err) => Err(err.to_string()),
    }
}

fn create(path: &Path) -> Result<String, String> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)
            .map_err(|err| format!("cannot create its folder: {err}"))?;
    }
    let key = SecretKey::generate();
    let text = format!("{}\n", key.to_base64());
    let temporary = path.with_extension(format!("{:016x}.tmp", rand::random::<u64>()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&temporary)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())
                .and_then(|()| file.sync_all())
        });
    if let Err(err) = written {
        std::fs::remove_file(&temporary).ok();
        return Err(format!("cannot be created: {err}"));
    }
    let linked = std::fs::hard_link(&temporary, path);
    std::fs::remove_file(&temporary).ok();
    match linked {
        Ok(()) => {
            tracing::info!(path = %path.display(), key = %key.id(), "created the secret key file");
            Ok(text)
        }
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::read_to_string(path).map_err(|err| err.to_string())
        }
        Err(err) => Err(format!("cannot be created: {err}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_a_private_key_file_once_and_reads_it_back() {
        let dir = tempfile::tempdir().unwrap();
        let (first, source) = load(None, true, dir.path()).unwrap();
        assert_eq!(source, KeySource::File(dir.path().join(KEY_FILE)));
        let mode = std::fs::metadata(dir.path().join(KEY_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let (second, _) = load(None, true, dir.path()).unwrap();
        assert_eq!(first.ids(), second.ids());
    }

    #[test]
    fn refuses_a_key_file_others_can_read() {
        let dir = tempfile::tempdir().unwrap();
        load(None, true, dir.path()).unwrap();
        let path = dir.path().join(KEY_FILE);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = load(None, true, dir.path()).unwrap_err();
        assert!(
            err.contains("readable by others") && err.contains("chmod 600"),
            "{err}"
        );
    }

    #[test]
    fn the_variable_wins_and_postgres_needs_it() {
        let dir = tempfile::tempdir().unwrap();
        let key = SecretKey::generate();
        let (ring, source) = load(Some(key.to_base64()), false, dir.path()).unwrap();
        assert_eq!((ring.ids(), source), (vec![key.id()], KeySource::Variable));
        assert!(!dir.path().join(KEY_FILE).exists());
        let err = load(None, false, dir.path()).unwrap_err();
        assert!(err.starts_with("NUMBERS_SECRET_KEY is not set"), "{err}");
        let err = load(Some("not base64!"), true, dir.path()).unwrap_err();
        assert!(
            err.starts_with("NUMBERS_SECRET_KEY: key 1 is not base64"),
            "{err}"
        );
    }
}
