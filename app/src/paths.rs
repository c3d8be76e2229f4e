//! Every URL the app builds: page links, redirects and the Twilio webhook paths.

/// The sign-in page.
pub const SIGN_IN: &str = "/signin";
/// The signed-in member's projects.
pub const PROJECTS: &str = "/projects";
/// The component gallery.
pub const GALLERY: &str = "/gallery";
/// Liveness probe: the process answers.
pub const HEALTHZ: &str = "/healthz";
/// Readiness probe: the database answers.
pub const READYZ: &str = "/readyz";

/// Twilio's voice webhook (connected numbers point their voice URL here).
pub const TWILIO_VOICE: &str = "/telephony/twilio/voice";
/// Twilio's dial fallback, asked when the main SIP address failed.
pub const TWILIO_VOICE_FALLBACK: &str = "/telephony/twilio/voice/fallback";
/// Twilio's status callback (call attempts).
pub const TWILIO_STATUS: &str = "/telephony/twilio/status";
/// Where every Twilio webhook lives (signed by Twilio, so exempt from the same-origin guard).
pub const TWILIO_WEBHOOKS: &str = "/telephony/";

/// The live updates stream of a project's pages (Server-Sent Events), as the router names it.
pub const LIVE_ROUTE: &str = "/live/projects/{project}";

/// `/live/projects/{project}`: the project's changes as Server-Sent Events.
pub fn live(project: &str) -> String {
    format!("/live/projects/{project}")
}

/// `/projects/{project}/numbers`.
pub fn numbers(project: &str) -> String {
    format!("/projects/{project}/numbers")
}

/// `/projects/{project}/variants`.
pub fn variants(project: &str) -> String {
    format!("/projects/{project}/variants")
}

/// `/projects/{project}/integrations`.
pub fn integrations(project: &str) -> String {
    format!("/projects/{project}/integrations")
}

/// `/projects/{project}/api-keys`.
pub fn api_keys(project: &str) -> String {
    format!("/projects/{project}/api-keys")
}

/// `/projects/{project}/history`: its first page.
pub fn history(project: &str) -> String {
    format!("/projects/{project}/history")
}

/// `/projects/{project}/history?page={page}` (pages count from 1).
pub fn history_page(project: &str, page: u64) -> String {
    format!("/projects/{project}/history?page={page}")
}

/// The project named by a path under `/projects/{project}/…`, if it is one.
pub fn project_of(path: &str) -> Option<&str> {
    path.strip_prefix("/projects/")?
        .split('/')
        .next()
        .filter(|p| !p.is_empty())
}

/// Whether `path` has a `.` or `..` segment (also percent-encoded, `%2e`). Browsers resolve
/// those before asking; a request that still holds one names no page here, though a router
/// resolving it would find one (`/projects/acme/../solo/numbers`).
pub fn has_dot_segments(path: &str) -> bool {
    path.split('/').any(|segment| {
        let lower = segment.to_ascii_lowercase().replace("%2e", ".");
        lower == "." || lower == ".."
    })
}

/// Whether `path` shows a member's projects (pages that need someone signed in).
pub fn is_member_page(path: &str) -> bool {
    path == "/" || path == PROJECTS || path.starts_with("/projects/")
}

/// The Numbers page's CSV export (the page's query selects the numbers).
pub const NUMBERS_CSV_ROUTE: &str = "/projects/{project}/numbers.csv";

/// Where the REST API lives (UI-CONTRACT "API keys page and the REST API").
pub const REST_API: &str = "/api/v1/";

/// The REST API's browsable reference (served by the server, not the app's router).
pub const REST_API_DOCS: &str = "/api/v1/docs/";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_pages() {
        assert_eq!(numbers("acme"), "/projects/acme/numbers");
        assert_eq!(variants("acme"), "/projects/acme/variants");
        assert_eq!(history("acme"), "/projects/acme/history");
        assert_eq!(history_page("acme", 3), "/projects/acme/history?page=3");
    }

    #[test]
    fn the_project_of_a_path() {
        assert_eq!(project_of("/projects/acme/numbers"), Some("acme"));
        assert_eq!(project_of("/projects/acme"), Some("acme"));
        assert_eq!(project_of("/projects/"), None);
        assert_eq!(project_of("/projects"), None);
        assert_eq!(project_of("/gallery"), None);
    }

    #[test]
    fn dot_segments_are_found_in_any_spelling() {
        for path in [
            "/projects/acme/../solo/numbers",
            "/a/./b",
            "/a/%2E%2e/b",
            "/a/..",
            "/.",
        ] {
            assert!(has_dot_segments(path), "{path}");
        }
        for path in ["/projects/acme/numbers", "/a/.b/c", "/a/..b", "/"] {
            assert!(!has_dot_segments(path), "{path}");
        }
    }

    #[test]
    fn member_pages_are_the_root_and_projects() {
        for path in [
            "/",
            "/projects",
            "/projects/acme/numbers",
            "/projects/x/history",
        ] {
            assert!(is_member_page(path), "{path}");
        }
        for path in [
            "/signin",
            "/gallery",
            "/healthz",
            "/api/sign_in",
            "/telephony/twilio/voice",
            "/projectsx",
            "/favicon.svg",
        ] {
            assert!(!is_member_page(path), "{path}");
        }
    }
}
