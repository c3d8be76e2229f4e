//! What each environment has published, with Publish and the two Promote buttons.

use crate::domain::{Environment, EnvironmentStatus};
use leptos::prelude::*;

/// Sandbox / Pre-release / Live with their published variants; `on_publish` publishes the
/// draft, `on_promote` promotes into the given environment (without them: view only).
#[component]
pub fn PublishPanel(
    environments: Vec<EnvironmentStatus>,
    on_publish: Option<Callback<()>>,
    on_promote: Option<Callback<Environment>>,
    #[prop(into)] pending: Signal<bool>,
) -> impl IntoView {
    view! {
        <ol class="pipeline">
            {environments
                .into_iter()
                .map(|status| {
                    let env = status.environment;
                    let held = match status.variants {
                        None => "Nothing published yet".to_owned(),
                        Some(v) if v.is_empty() => "Published, without variants".to_owned(),
                        Some(v) => v.join(", "),
                    };
                    let action = match env {
                        Environment::Sandbox => on_publish.map(|on_publish| view! {
                            <button type="button" class="button button--primary" disabled=move || pending.get()
                                on:click=move |_| on_publish.run(())>"Publish"</button>
                        }
                        .into_any()),
                        other => on_promote.map(|on_promote| view! {
                            <button type="button" class="button button--secondary" disabled=move || pending.get()
                                on:click=move |_| on_promote.run(other)>{format!("Promote to {}", other.label())}</button>
                        }
                        .into_any()),
                    };
                    view! {
                        <li class="pipeline__stage">
                            <h3>{env.label()}</h3>
                            <p class="pipeline__variants">{held}</p>
                            {action}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
