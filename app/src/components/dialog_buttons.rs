//! The button row at the foot of every dialog: a secondary button that closes it, then the
//! dialog's own action.

use leptos::prelude::*;

/// `cancel` (e.g. `Cancel`, `Close`) calls `on_cancel`; `children` follow it (the submit
/// button, usually a [`SubmitButton`]); `leading` goes first (e.g. a link).
#[component]
pub fn DialogButtons(
    #[prop(into)] cancel: String,
    #[prop(into)] on_cancel: Callback<()>,
    #[prop(optional)] leading: Option<AnyView>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="modal__actions">
            {leading}
            <button type="button" class="button button--secondary" on:click=move |_| on_cancel.run(())>
                {cancel}
            </button>
            {children.map(|c| c())}
        </div>
    }
}

/// How a [`SubmitButton`] looks: the main action, or one that destroys something.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Emphasis {
    /// A primary action (Add, Assign).
    #[default]
    Primary,
    /// A destructive action (Delete).
    Danger,
}

/// A dialog's submit button showing `label`, busy while `pending`, off while `disabled`.
#[component]
pub fn SubmitButton(
    #[prop(into)] label: Signal<&'static str>,
    #[prop(optional)] emphasis: Emphasis,
    #[prop(optional, into)] pending: Signal<bool>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let class = match emphasis {
        Emphasis::Primary => "button button--primary",
        Emphasis::Danger => "button button--danger",
    };
    view! {
        <button
            type="submit"
            class=class
            disabled=move || disabled.get() || pending.get()
            aria-busy=move || pending.get().to_string()
        >
            {move || label.get()}
        </button>
    }
}
