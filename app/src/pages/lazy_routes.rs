//! The routes a Numbers page does not need on its first load, as Leptos lazy routes: built with
//! `cargo leptos build --split`, each one's code is its own wasm chunk, fetched the first time
//! the route is shown (or, on a page load of it, before it hydrates).

use super::{
    ApiKeysScreen, GalleryScreen, HistoryScreen, IntegrationsScreen, ProjectsScreen, SignInScreen,
    VariantsScreen,
};
use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

/// Declares `$route`, the lazy route that shows the `$screen` component.
macro_rules! lazy_screen {
    ($(#[$doc:meta])* $route:ident shows $screen:ident) => {
        $(#[$doc])*
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(this: Self) -> AnyView {
                let _ = this;
                view! { <$screen/> }.into_any()
            }
        }
    };
}

lazy_screen!(
    /// `/gallery`: every component in every state (a deployment may turn it off).
    GalleryRoute shows GalleryScreen
);
lazy_screen!(
    /// `/projects/{project}/api-keys`.
    ApiKeysRoute shows ApiKeysScreen
);
lazy_screen!(
    /// `/projects/{project}/variants`.
    VariantsRoute shows VariantsScreen
);
lazy_screen!(
    /// `/projects/{project}/history`.
    HistoryRoute shows HistoryScreen
);
lazy_screen!(
    /// `/projects/{project}/integrations`.
    IntegrationsRoute shows IntegrationsScreen
);
lazy_screen!(
    /// `/projects`.
    ProjectsRoute shows ProjectsScreen
);
lazy_screen!(
    /// `/signin`.
    SignInRoute shows SignInScreen
);
