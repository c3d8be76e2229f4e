//! Stored secrets against the keyring: the start-up check (every secret opens with a
//! configured key; plain text an earlier version stored gets sealed) and `server
//! rotate-secrets` (everything re-sealed under the newest key).

use super::key_source::KeySource;
use super::{KeyId, Keyring, OpenError, SecretColumn, sealed_key_id};
use crate::db::entities::telephony_integration;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, IntoActiveModel,
    Set, TransactionTrait,
};

/// What the start-up check changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct StartCheck {
    /// Secrets found in plain text (stored before sealing existed), now sealed.
    pub sealed_plain_text: usize,
    /// Sealed secrets that do not open under their configured key (altered in the database);
    /// their integrations fail until reconnected.
    pub damaged: usize,
}

/// Checks every stored secret at start-up: one sealed under a key `ring` does not hold is an
/// error naming `source` and the missing key ids; plain text is sealed under the newest key.
pub async fn check_at_start(
    db: &DatabaseConnection,
    ring: &Keyring,
    source: &KeySource,
) -> Result<StartCheck, String> {
    let rows = telephony_integration::Entity::find()
        .all(db)
        .await
        .map_err(|err| err.to_string())?;
    let mut missing: Vec<(KeyId, usize)> = Vec::new();
    let mut check = StartCheck::default();
    for row in &rows {
        for column in SecretColumn::ALL {
            let Some(stored) = column.stored_in(row) else {
                continue;
            };
            match ring.open(column, row.project_id, stored) {
                Ok(_) => {}
                Err(OpenError::UnknownKey(id)) => {
                    match missing.iter_mut().find(|(m, _)| *m == id) {
                        Some((_, count)) => *count += 1,
                        None => missing.push((id, 1)),
                    }
                }
                Err(OpenError::NotSealed) if sealed_key_id(stored).is_none() => {
                    check.sealed_plain_text += 1;
                }
                Err(err) => {
                    check.damaged += 1;
                    tracing::error!(integration = row.id, column = column.name(), %err,
                        "a stored Twilio secret does not open; reconnect this Twilio account");
                }
            }
        }
    }
    if !missing.is_empty() {
        let listed: Vec<String> = missing
            .iter()
            .map(|(id, count)| format!("{count} under key {id}"))
            .collect();
        let held: Vec<String> = ring.ids().iter().map(ToString::to_string).collect();
        return Err(format!(
            "{source} does not hold the key Twilio secrets are sealed with ({}); it holds {}. \
             Give it the key they were sealed with (keys newest first, comma-separated)",
            listed.join(", "),
            held.join(", ")
        ));
    }
    if check.sealed_plain_text > 0 {
        let txn = db.begin().await.map_err(|err| err.to_string())?;
        for row in rows {
            reseal_row(&txn, ring, row, |_column, stored| {
                match sealed_key_id(stored) {
                    None => Ok(Some(stored.to_owned())),
                    Some(_) => Ok(None),
                }
            })
            .await?;
        }
        txn.commit().await.map_err(|err| err.to_string())?;
        forget_plain_text(db).await?;
        tracing::warn!(
            count = check.sealed_plain_text,
            key = %ring.newest().id(),
            "sealed Twilio secrets an earlier version stored in plain text"
        );
    }
    Ok(check)
}

/// Re-seals every stored secret under `ring`'s newest key (`server rotate-secrets`), in one
/// transaction; returns how many were re-sealed. A secret that does not open stops it.
pub async fn rotate(db: &DatabaseConnection, ring: &Keyring) -> Result<usize, String> {
    let newest = ring.newest().id();
    let txn = db.begin().await.map_err(|err| err.to_string())?;
    let rows = telephony_integration::Entity::find()
        .all(&txn)
        .await
        .map_err(|err| err.to_string())?;
    let mut resealed = 0;
    for row in rows {
        let (id, project_id) = (row.id, row.project_id);
        resealed += reseal_row(&txn, ring, row, |column, stored| {
            match sealed_key_id(stored) {
                Some(id) if id == newest => return Ok(None),
                // Plain text an earlier version stored: sealed like the start-up check does.
                None => return Ok(Some(stored.to_owned())),
                Some(_) => {}
            }
            ring.open(column, project_id, stored)
                .map(Some)
                .map_err(|err| format!("integration {id}: its {} {err}", column.name()))
        })
        .await?;
    }
    txn.commit().await.map_err(|err| err.to_string())?;
    Ok(resealed)
}

/// On SQLite, rewrites the database file and empties its write-ahead log, so the plain text
/// just replaced does not linger in free pages or old log frames (PostgreSQL's old row versions
/// are reclaimed by its own vacuum).
async fn forget_plain_text(db: &DatabaseConnection) -> Result<(), String> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok(());
    }
    for statement in ["VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)"] {
        db.execute_unprepared(statement)
            .await
            .map_err(|err| format!("{statement}: {err}"))?;
    }
    Ok(())
}

/// Seals under the newest key each secret of `row` for which `plain` gives its plain text
/// (`None`: leave it); returns how many it sealed.
async fn reseal_row(
    db: &impl ConnectionTrait,
    ring: &Keyring,
    row: telephony_integration::Model,
    plain: impl Fn(SecretColumn, &str) -> Result<Option<String>, String>,
) -> Result<usize, String> {
    let mut sealed = Vec::new();
    for column in SecretColumn::ALL {
        if let Some(stored) = column.stored_in(&row)
            && let Some(text) = plain(column, stored)?
        {
            sealed.push((column, ring.seal(column, row.project_id, &text)));
        }
    }
    let count = sealed.len();
    if count == 0 {
        return Ok(0);
    }
    let mut active = row.into_active_model();
    for (column, value) in sealed {
        match column {
            SecretColumn::TwilioAuthToken => active.twilio_auth_token = Set(Some(value)),
            SecretColumn::TwilioWebhookToken => active.twilio_webhook_token = Set(Some(value)),
        }
    }
    active.update(db).await.map_err(|err| err.to_string())?;
    Ok(count)
}
