//! Demo data (UI-CONTRACT.md "Demo data"), seeded into an empty database with `NUMBERS_DEMO=1`.

use crate::db::entities::{
    account, member, number, number_event, project, published_version, published_version_variant,
    routing_setting, telephony_integration, variant,
};
use crate::secrets::{Keyring, SecretColumn};
use app::domain::{Environment, EventKind, IntegrationKind, Ownership, placement};
use chrono::{DateTime, Duration, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, Set,
    TransactionTrait,
};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "numbers-demo";

/// The demo accounts: Edit on every demo project, Edit on `acme`, Read on `acme`, no project.
pub const DEMO_ACCOUNTS: [&str; 4] = [
    "admin@example.com",
    "editor@example.com",
    "viewer@example.com",
    "outsider@example.com",
];

/// Whether seeding wrote anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seeded {
    /// The database was empty and now holds the demo projects.
    Yes,
    /// The database already had projects; nothing was written.
    SkippedNotEmpty,
}

/// When bulk demo numbers start being added (a minute apart): after every demo row.
pub const BULK_SINCE: DateTime<Utc> = match DateTime::from_timestamp(1_770_000_000, 0) {
    Some(t) => t,
    None => DateTime::UNIX_EPOCH,
};

/// Seeds the demo projects if the database has no project yet, all in one transaction; the
/// demo Twilio account's token is sealed with `keyring`.
pub async fn seed_if_empty(db: &DatabaseConnection, keyring: &Keyring) -> Result<Seeded, DbErr> {
    let txn = db.begin().await?;
    if project::Entity::find().count(&txn).await? > 0 {
        return Ok(Seeded::SkippedNotEmpty);
    }
    let mut demo = Demo {
        db: &txn,
        keyring,
        clock: Utc
            .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
            .single()
            .unwrap_or_default(),
    };
    demo.acme().await?;
    demo.solo().await?;
    demo.fresh().await?;
    demo.accounts().await?;
    txn.commit().await?;
    Ok(Seeded::Yes)
}

/// Writes demo rows with reproducible, increasing timestamps.
struct Demo<'a, C> {
    db: &'a C,
    keyring: &'a Keyring,
    clock: DateTime<Utc>,
}

impl<C: ConnectionTrait> Demo<'_, C> {
    fn tick(&mut self) -> DateTime<Utc> {
        self.clock += Duration::minutes(1);
        self.clock
    }

    async fn acme(&mut self) -> Result<(), DbErr> {
        let acme = self.project("acme", "Acme Support").await?;
        let pool = self
            .integration(acme, IntegrationKind::BuiltInPool, None)
            .await?;
        let twilio = self
            .integration(
                acme,
                IntegrationKind::Twilio,
                Some(("AC0123456789abcdef0123456789abcdef", "demo-token")),
            )
            .await?;
        let default = self.variant(acme, "Default", 0).await?;
        let london = self.variant(acme, "London", 1).await?;
        let leeds = self.variant(acme, "Leeds", 2).await?;
        self.variant(acme, "Glasgow", 3).await?;
        self.publish(acme, Environment::Sandbox, &[default, london, leeds])
            .await?;
        self.publish(acme, Environment::PreRelease, &[default, london])
            .await?;
        self.publish(acme, Environment::Live, &[default]).await?;
        let purchased = |e164, env, variant| NewNumber {
            e164,
            env,
            integration: pool,
            ownership: Ownership::Purchased,
            variant,
            previous_voice_url: None,
        };
        self.number(
            acme,
            purchased("+442079460123", Environment::Sandbox, Some(london)),
        )
        .await?;
        self.number(
            acme,
            NewNumber {
                e164: "+12125550142",
                env: Environment::Sandbox,
                integration: twilio,
                ownership: Ownership::Connected,
                variant: Some(default),
                previous_voice_url: Some("https://customer.example/original-voice"),
            },
        )
        .await?;
        self.number(
            acme,
            purchased("+441134960456", Environment::PreRelease, Some(london)),
        )
        .await?;
        self.number(
            acme,
            purchased("+447700900321", Environment::Live, Some(default)),
        )
        .await?;
        for (email, permission) in [
            ("admin@example.com", "edit"),
            ("editor@example.com", "edit"),
            ("viewer@example.com", "read"),
        ] {
            self.member(acme, email, permission).await?;
        }
        Ok(())
    }

    async fn solo(&mut self) -> Result<(), DbErr> {
        let solo = self.project("solo", "Solo Clinic").await?;
        let pool = self
            .integration(solo, IntegrationKind::BuiltInPool, None)
            .await?;
        self.number(
            solo,
            NewNumber {
                e164: "+441632960001",
                env: Environment::Sandbox,
                integration: pool,
                ownership: Ownership::Purchased,
                variant: None,
                previous_voice_url: None,
            },
        )
        .await?;
        self.member(solo, "admin@example.com", "edit").await
    }

    /// The demo members' accounts, all with the password [`DEMO_PASSWORD`].
    async fn accounts(&mut self) -> Result<(), DbErr> {
        for email in DEMO_ACCOUNTS {
            let hash = crate::identity::hash_password(DEMO_PASSWORD).map_err(DbErr::Custom)?;
            account::ActiveModel {
                email: Set(email.into()),
                password_hash: Set(hash),
                created_at: Set(self.tick()),
                ..Default::default()
            }
            .insert(self.db)
            .await?;
        }
        Ok(())
    }

    async fn fresh(&mut self) -> Result<(), DbErr> {
        let fresh = self.project("fresh", "Fresh Start").await?;
        self.member(fresh, "admin@example.com", "edit").await
    }

    /// A project with `sip:{slug}-{env}@sip.numbers.test` routing in every environment.
    async fn project(&mut self, slug: &str, name: &str) -> Result<i32, DbErr> {
        let row = project::ActiveModel {
            slug: Set(slug.into()),
            name: Set(name.into()),
            created_at: Set(self.tick()),
            ..Default::default()
        };
        let id = row.insert(self.db).await?.id;
        for env in Environment::ALL {
            routing_setting::ActiveModel {
                project_id: Set(id),
                environment: Set(env.slug().into()),
                main_sip: Set(format!("sip:{slug}-{}@sip.numbers.test", env.slug())),
                fallback_sip: Set(format!(
                    "sip:{slug}-{}-fallback@sip.numbers.test",
                    env.slug()
                )),
                ..Default::default()
            }
            .insert(self.db)
            .await?;
        }
        Ok(id)
    }

    async fn member(
        &mut self,
        project_id: i32,
        email: &str,
        permission: &str,
    ) -> Result<(), DbErr> {
        let row = member::ActiveModel {
            project_id: Set(project_id),
            email: Set(email.into()),
            numbers_permission: Set(permission.into()),
            ..Default::default()
        };
        row.insert(self.db).await.map(drop)
    }

    async fn integration(
        &mut self,
        project_id: i32,
        kind: IntegrationKind,
        twilio: Option<(&str, &str)>,
    ) -> Result<i32, DbErr> {
        let row = telephony_integration::ActiveModel {
            project_id: Set(project_id),
            kind: Set(kind.slug().into()),
            twilio_account_sid: Set(twilio.map(|(sid, _)| sid.into())),
            twilio_auth_token: Set(twilio.map(|(_, token)| {
                self.keyring
                    .seal(SecretColumn::TwilioAuthToken, project_id, token)
            })),
            twilio_api_key_sid: Set(None),
            twilio_webhook_token: Set(None),
            created_at: Set(self.tick()),
            ..Default::default()
        };
        Ok(row.insert(self.db).await?.id)
    }

    async fn variant(&mut self, project_id: i32, name: &str, position: i32) -> Result<i32, DbErr> {
        let row = variant::ActiveModel {
            project_id: Set(project_id),
            name: Set(name.into()),
            name_key: Set(name.to_lowercase()),
            position: Set(position),
            created_at: Set(self.tick()),
            deleted_at: Set(None),
            ..Default::default()
        };
        Ok(row.insert(self.db).await?.id)
    }

    async fn publish(
        &mut self,
        project_id: i32,
        env: Environment,
        variants: &[i32],
    ) -> Result<(), DbErr> {
        let version = published_version::ActiveModel {
            project_id: Set(project_id),
            environment: Set(env.slug().into()),
            version: Set(1),
            published_by: Set("admin@example.com".into()),
            published_at: Set(self.tick()),
            ..Default::default()
        }
        .insert(self.db)
        .await?;
        for &variant_id in variants {
            published_version_variant::ActiveModel {
                published_version_id: Set(version.id),
                variant_id: Set(variant_id),
            }
            .insert(self.db)
            .await?;
        }
        Ok(())
    }

    /// Inserts a number and its first history entry.
    async fn number(&mut self, project_id: i32, new: NewNumber) -> Result<(), DbErr> {
        let at = self.tick();
        let variant_name = match new.variant {
            Some(id) => variant::Entity::find_by_id(id)
                .one(self.db)
                .await?
                .map(|v| v.name),
            None => None,
        };
        number_event::ActiveModel {
            project_id: Set(project_id),
            e164: Set(new.e164.into()),
            kind: Set(match new.ownership {
                Ownership::Purchased => EventKind::Bought,
                Ownership::Connected => EventKind::Connected,
            }
            .slug()
            .into()),
            actor: Set("admin@example.com".into()),
            at: Set(at),
            before: Set(None),
            after: Set(Some(placement(new.env, variant_name.as_deref()))),
            ..Default::default()
        }
        .insert(self.db)
        .await?;
        let row = number::ActiveModel {
            e164: Set(new.e164.into()),
            project_id: Set(project_id),
            environment: Set(new.env.slug().into()),
            integration_id: Set(new.integration),
            ownership: Set(new.ownership.slug().into()),
            variant_id: Set(new.variant),
            previous_voice_url: Set(new.previous_voice_url.map(Into::into)),
            created_by: Set("admin@example.com".into()),
            created_at: Set(at),
            state: Set(app::domain::NumberState::ACTIVE.into()),
            ..Default::default()
        };
        row.insert(self.db).await.map(drop)
    }
}

/// A demo number to insert.
struct NewNumber {
    e164: &'static str,
    env: Environment,
    integration: i32,
    ownership: Ownership,
    variant: Option<i32>,
    previous_voice_url: Option<&'static str>,
}
