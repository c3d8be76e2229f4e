//! The Numbers app: domain rules, components, pages and server functions.
//!
//! Compiled twice: with `ssr` into the server, with `hydrate` into the browser bundle.

pub mod api;
pub mod components;
pub mod domain;
pub mod error;
pub mod pages;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod ports;
#[cfg(feature = "ssr")]
pub mod usecases;

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, Title, provide_meta_context};
use leptos_router::Lazy;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};
use pages::{
    ApiKeysRoute, GalleryRoute, HistoryRoute, IntegrationsRoute, NotFound, NumbersScreen,
    ProjectsRoute, SignInRoute, VariantsRoute,
};

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                // In the shell, not in `App`: the browser bundle then carries no `<Link>`.
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The header's account area, reloaded after each navigation (signing in or out navigates).
#[component]
fn SignedInAs() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let member = Resource::<_, api::wire::PageCodec>::new_with_options(
        move || location.pathname.get(),
        |_| api::signed_in_as(),
        false,
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let signed_in = member.await.ok().flatten();
                let current =
                    paths::project_of(&location.pathname.get_untracked()).map(str::to_owned);
                view! { <components::AccountBar signed_in current/> }
            })}
        </Suspense>
    }
}

/// Whether the server is rendering a request whose path still has `.` or `..` segments: no
/// page is at such an address, though the router would resolve it (to solo's page, for
/// `/projects/acme/../solo/numbers`). Browsers resolve them before asking, so in the browser
/// this is always false and hydration sees the same page.
fn dotted_request() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().is_some_and(|p| paths::has_dot_segments(p.uri.path()))
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
    }
}

/// The app: site header and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title text="Numbers"/>
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="topbar">
                <a class="topbar__brand" href="/" rel="external">
                    <span class="topbar__logo" aria-hidden="true"></span>
                    "Agent Console"
                </a>
                <SignedInAs/>
            </header>
            <main id="main" class="page" tabindex="-1">
                {if dotted_request() {
                    view! { <NotFound/> }.into_any()
                } else {
                    view! {
                        <Routes fallback=|| view! { <NotFound/> }>
                            <Route
                                path=path!("/projects/:project/numbers")
                                view=NumbersScreen
                                ssr=SsrMode::Async
                            />
                            <Route path=path!("/gallery") view={Lazy::<GalleryRoute>::new()}/>
                            <Route path=path!("/signin") view={Lazy::<SignInRoute>::new()}/>
                            <Route
                                path=path!("/projects")
                                view={Lazy::<ProjectsRoute>::new()}
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=path!("/projects/:project/history")
                                view={Lazy::<HistoryRoute>::new()}
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=path!("/projects/:project/api-keys")
                                view={Lazy::<ApiKeysRoute>::new()}
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=path!("/projects/:project/integrations")
                                view={Lazy::<IntegrationsRoute>::new()}
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=path!("/projects/:project/variants")
                                view={Lazy::<VariantsRoute>::new()}
                                ssr=SsrMode::Async
                            />
                        </Routes>
                    }
                    .into_any()
                }}
            </main>
        </Router>
    }
}
