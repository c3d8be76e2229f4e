//! Platform SIP addresses from configuration: templates expanded for every project environment
//! that has no routing settings yet.

use crate::db::entities::{project, routing_setting};
use app::domain::{Environment, SipRoute};
use sea_orm::{ActiveModelTrait, DatabaseConnection, DbErr, EntityTrait, Set};

/// Main and fallback SIP URI templates; `{project}` and `{environment}` are replaced by the
/// project's slug and the environment's (`sandbox`, `pre-release`, `live`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SipTemplates {
    main: String,
    fallback: String,
}

impl SipTemplates {
    /// Checks both templates: SIP URIs (`sip:` or `sips:`) naming `{project}` and `{environment}`.
    pub fn parse(main: &str, fallback: &str) -> Result<Self, String> {
        for (name, template) in [("main", main), ("fallback", fallback)] {
            if !(template.starts_with("sip:") || template.starts_with("sips:")) {
                return Err(format!(
                    "the {name} SIP template must start with sip: or sips:"
                ));
            }
            if !(template.contains("{project}") && template.contains("{environment}")) {
                return Err(format!(
                    "the {name} SIP template must contain {{project}} and {{environment}}"
                ));
            }
            if template.chars().any(char::is_whitespace) {
                return Err(format!("the {name} SIP template must not contain spaces"));
            }
        }
        Ok(Self {
            main: main.to_owned(),
            fallback: fallback.to_owned(),
        })
    }

    /// The addresses of `project`'s `environment`.
    pub fn route(&self, project: &str, environment: Environment) -> SipRoute {
        let expand = |t: &str| {
            t.replace("{project}", project)
                .replace("{environment}", environment.slug())
        };
        SipRoute {
            main: expand(&self.main),
            fallback: expand(&self.fallback),
        }
    }
}

/// Gives every project environment without routing settings the templates' addresses;
/// returns how many were added. Settings already stored are left as they are.
pub async fn fill_missing(db: &DatabaseConnection, templates: &SipTemplates) -> Result<u64, DbErr> {
    let existing: Vec<(i32, String)> = routing_setting::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.project_id, r.environment))
        .collect();
    let mut added = 0;
    for project in project::Entity::find().all(db).await? {
        for env in Environment::ALL {
            if existing.contains(&(project.id, env.slug().to_owned())) {
                continue;
            }
            let route = templates.route(&project.slug, env);
            routing_setting::ActiveModel {
                project_id: Set(project.id),
                environment: Set(env.slug().into()),
                main_sip: Set(route.main),
                fallback_sip: Set(route.fallback),
                ..Default::default()
            }
            .insert(db)
            .await?;
            added += 1;
        }
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_expand_per_project_environment() {
        let t = SipTemplates::parse(
            "sip:{project}-{environment}@sip.example.net",
            "sips:{project}-{environment}-fb@sip.example.net;transport=tls",
        )
        .unwrap();
        assert_eq!(
            t.route("acme", Environment::PreRelease),
            SipRoute {
                main: "sip:acme-pre-release@sip.example.net".into(),
                fallback: "sips:acme-pre-release-fb@sip.example.net;transport=tls".into(),
            }
        );
    }

    #[test]
    fn bad_templates_are_named() {
        let ok = "sip:{project}-{environment}@x";
        assert_eq!(
            SipTemplates::parse("http://{project}{environment}", ok),
            Err("the main SIP template must start with sip: or sips:".into())
        );
        assert_eq!(
            SipTemplates::parse(ok, "sip:{project}@x"),
            Err("the fallback SIP template must contain {project} and {environment}".into())
        );
        assert_eq!(
            SipTemplates::parse("sip:{project} {environment}@x", ok),
            Err("the main SIP template must not contain spaces".into())
        );
    }
}
