//! The REST API under `/api/v1` (UI-CONTRACT "API keys page and the REST API"): bearer keys,
//! JSON in and out, errors as problem details, its OpenAPI 3.1 description generated from
//! these handlers at `/api/v1/openapi.json` and browsable at `/api/v1/docs`.

mod batch;
mod idempotency;
mod phone_numbers;
mod problem;
mod reads;
mod request;
pub(super) mod schema;

pub use problem::{PROBLEM_JSON, Problem, errors_as_problems};

use super::state::AppState;
use axum::Router;
use axum::routing::{any, get, post};
use utoipa::OpenApi;
use utoipa::openapi::schema::{ObjectBuilder, Ref, Type};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{Content, Header, ResponseBuilder};

/// Where the description is served.
pub const OPENAPI_JSON: &str = "/api/v1/openapi.json";
/// Where the browsable reference is served.
pub const DOCS: &str = "/api/v1/docs";

/// The description of the REST API.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Numbers REST API",
        version = "1",
        description = "Automate a project's phone numbers: list, buy, connect, reassign and delete them, as the Numbers page does.\n\nAuthenticate with `Authorization: Bearer <key>`, a key created on the project's API keys page (`/projects/{project}/api-keys`). A Read key may only read. Every change made with a key is in the project's history under `API key \"name\"`. Errors are RFC 9457 problem details (`application/problem+json`). Each key may make `NUMBERS_API_RATE_LIMIT` requests a minute (600 by default); more are answered 429 with `Retry-After`.",
    ),
    paths(
        phone_numbers::list,
        phone_numbers::add,
        phone_numbers::get_one,
        phone_numbers::update,
        phone_numbers::delete,
        phone_numbers::undo,
        batch::add,
        batch::delete,
        reads::variants,
        reads::history,
    ),
    components(schemas(Problem, schema::AddPhoneNumber, schema::StateFilterName)),
    modifiers(&Conventions),
    tags(
        (name = "phone-numbers", description = "A project's numbers in Sandbox, Pre-release and Live."),
        (name = "variants", description = "The variants numbers can be assigned."),
        (name = "history", description = "Who changed what."),
    ),
)]
pub struct ApiDoc;

/// What every operation shares, added to the generated description: bearer authentication
/// and the problem responses each may answer.
struct Conventions;

impl utoipa::Modify for Conventions {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
        openapi.security = Some(vec![SecurityRequirement::new(
            "bearer",
            Vec::<String>::new(),
        )]);
        for item in openapi.paths.paths.values_mut() {
            let reads = [&mut item.get];
            for operation in reads.into_iter().flatten() {
                add_problems(operation, READ_PROBLEMS);
            }
            let changes = [&mut item.post, &mut item.patch, &mut item.delete];
            for operation in changes.into_iter().flatten() {
                add_problems(operation, CHANGE_PROBLEMS);
            }
        }
    }
}

/// The problems a read may answer, with what each means.
const READ_PROBLEMS: &[(u16, &str)] = &[
    (400, "The request could not be read."),
    (401, "No key, or one that is malformed, unknown or revoked."),
    (
        404,
        "No such project for this key (another project's key gets this too), or no such number.",
    ),
    (422, "A parameter is invalid; `field` names it."),
    (
        429,
        "The key made too many requests this minute; see `Retry-After`.",
    ),
    (503, "Storage failed; try again."),
];

/// The problems a change may answer.
const CHANGE_PROBLEMS: &[(u16, &str)] = &[
    (400, "The request could not be read."),
    (401, "No key, or one that is malformed, unknown or revoked."),
    (403, "A Read key asked to change something."),
    (
        404,
        "No such project for this key (another project's key gets this too), number or variant.",
    ),
    (
        409,
        "Refused as things stand (no stock, a number being deleted, an idempotency key used for another request).",
    ),
    (415, "The body is not sent as JSON."),
    (422, "A field is invalid; `field` names it."),
    (
        429,
        "The key made too many requests this minute; see `Retry-After`.",
    ),
    (
        502,
        "The number provider refused or could not be reached; nothing was changed.",
    ),
    (503, "Storage failed; try again."),
    (
        504,
        "The number provider did not answer; what it did is being checked.",
    ),
];

fn add_problems(operation: &mut utoipa::openapi::path::Operation, problems: &[(u16, &str)]) {
    for (status, description) in problems {
        let mut response = ResponseBuilder::new().description(*description).content(
            PROBLEM_JSON,
            Content::new(Some(Ref::from_schema_name("Problem"))),
        );
        if *status == 429 {
            let seconds = ObjectBuilder::new().schema_type(Type::Integer).build();
            response = response.header("Retry-After", Header::new(seconds));
        }
        operation
            .responses
            .responses
            .entry(status.to_string())
            .or_insert_with(|| response.build().into());
    }
}

/// Any other address under `/api/v1`.
async fn unknown() -> Problem {
    Problem::new(
        "not-found",
        404,
        "There is nothing at this address of the REST API; see /api/v1/openapi.json.",
    )
}

/// The REST API's routes, its description and its reference page.
pub fn routes() -> Router<AppState> {
    const NUMBERS: &str = "/api/v1/projects/{project}/phone-numbers";
    const NUMBER: &str = "/api/v1/projects/{project}/phone-numbers/{phone_number}";
    let docs: Router<AppState> = utoipa_swagger_ui::SwaggerUi::new(DOCS)
        .url(OPENAPI_JSON, ApiDoc::openapi())
        .into();
    Router::new()
        .route(NUMBERS, get(phone_numbers::list).post(phone_numbers::add))
        .route(
            NUMBER,
            get(phone_numbers::get_one)
                .patch(phone_numbers::update)
                .delete(phone_numbers::delete),
        )
        .route(&format!("{NUMBER}/undo"), post(phone_numbers::undo))
        .route(&format!("{NUMBERS}/batch"), post(batch::add))
        .route(&format!("{NUMBERS}/batch-delete"), post(batch::delete))
        .route("/api/v1/projects/{project}/variants", get(reads::variants))
        .route("/api/v1/projects/{project}/history", get(reads::history))
        .route("/api/v1/problems/{code}", get(problem::kind))
        .route("/api/v1/{*rest}", any(unknown))
        .merge(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_description_is_openapi_3_1_with_every_operation_and_its_problems() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
        let paths = doc["paths"].as_object().unwrap();
        assert_eq!(paths.len(), 7, "{:?}", paths.keys());
        let delete = &paths["/api/v1/projects/{project}/phone-numbers/{phone_number}"]["delete"];
        for status in ["200", "401", "403", "404", "409", "422", "429"] {
            assert!(delete["responses"][status].is_object(), "{status}");
        }
        assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
        let mut ids: Vec<&str> = paths
            .values()
            .flat_map(|item| item.as_object().unwrap().values())
            .filter_map(|operation| operation["operationId"].as_str())
            .collect();
        assert_eq!(ids.len(), 10);
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(
            ids.len(),
            10,
            "operationIds are unique (OpenAPI 3.1 §4.8.10)"
        );
    }
}
