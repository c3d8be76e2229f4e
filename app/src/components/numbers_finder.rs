//! The search and filters above the Numbers page's sections (UI-CONTRACT "Finding numbers").
//! A plain GET form, so it works before the page hydrates and without JavaScript; once
//! hydrated, changing a filter or submitting the search shows the new view in place.

use crate::domain::numbers_page::Finder;
use crate::domain::numbers_view::source_slug;
use crate::domain::{
    IntegrationKind, NumberSort, NumbersView, StateFilter, VariantFilter, ViewChoice,
};
use leptos::html;
use leptos::prelude::*;

/// Which control changed the view: the page puts focus back on it once the view is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FinderControl {
    /// The search box (its form was submitted).
    Search,
    /// The Source filter.
    Source,
    /// The Assigned variant filter.
    Variant,
    /// The State filter.
    State,
    /// The Sort order.
    Sort,
}

/// The form for `finder`; `uses_variants` adds the Assigned variant filter. With `on_view`,
/// a change is handed over as the new view's URL and the control that made it (else the form
/// submits as a page load); `focus` is the control to focus once shown.
#[component]
pub fn NumbersFinder(
    finder: Finder,
    uses_variants: bool,
    #[prop(optional_no_strip)] on_view: Option<Callback<(String, FinderControl)>>,
    #[prop(optional_no_strip)] focus: Option<FinderControl>,
) -> impl IntoView {
    let Finder {
        path,
        view,
        variants,
        clear,
        export,
    } = finder;
    let search_ref = NodeRef::<html::Input>::new();
    let source_ref = NodeRef::<html::Select>::new();
    let variant_ref = NodeRef::<html::Select>::new();
    let state_ref = NodeRef::<html::Select>::new();
    let sort_ref = NodeRef::<html::Select>::new();
    let ids = |name: &str| super::scoped_id(&format!("finder-{name}"));
    let (search_id, source_id, variant_id, state_id, sort_id) = (
        ids("q"),
        ids("source"),
        ids("variant"),
        ids("state"),
        ids("sort"),
    );
    // The view the controls now describe, from the first page of each section.
    let chosen = {
        let path = path.clone();
        move || {
            let select = |r: NodeRef<html::Select>| r.get_untracked().map(|s| s.value());
            let input = search_ref.get_untracked().map(|i| i.value());
            let pairs = [
                ("q", input),
                ("source", select(source_ref)),
                ("variant", select(variant_ref)),
                ("state", select(state_ref)),
                ("sort", select(sort_ref)),
            ];
            let owned: Vec<(&str, String)> = pairs
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| (k, v)))
                .collect();
            let view = NumbersView::from_query(owned.iter().map(|(k, v)| (*k, v.as_str())));
            format!("{path}{}", view.to_query())
        }
    };
    let emit = Callback::new(move |control: FinderControl| {
        if let Some(on_view) = on_view {
            on_view.run((chosen(), control));
        }
    });
    // The controls show `view` also when the page reloads in place: the browser keeps what a
    // member chose (or typed) over a changed `selected` or `value` attribute.
    let shown = (
        view.search.clone(),
        [
            (source_ref, view.source.map_or("", source_slug).to_owned()),
            (variant_ref, view.variant.slug()),
            (state_ref, view.state.slug().to_owned()),
            (sort_ref, view.sort.slug().to_owned()),
        ],
    );
    Effect::new(move |_| {
        if let Some(input) = search_ref.get() {
            input.set_value(&shown.0);
        }
        for (select, value) in &shown.1 {
            if let Some(select) = select.get() {
                select.set_value(value);
            }
        }
        let focused = match focus {
            Some(FinderControl::Search) => search_ref.get().map(|e| e.focus()),
            Some(FinderControl::Source) => source_ref.get().map(|e| e.focus()),
            Some(FinderControl::Variant) => variant_ref.get().map(|e| e.focus()),
            Some(FinderControl::State) => state_ref.get().map(|e| e.focus()),
            Some(FinderControl::Sort) => sort_ref.get().map(|e| e.focus()),
            None => None,
        };
        drop(focused);
    });
    let source_options = [
        None,
        Some(IntegrationKind::BuiltInPool),
        Some(IntegrationKind::Twilio),
    ]
    .into_iter()
    .map(|source| {
        let (value, label) = source.map_or(("", "All"), |s| (source_slug(s), s.label()));
        FinderOption::new(value, label, view.source == source)
    })
    .collect();
    let variant_options = {
        let mut choices = vec![
            (VariantFilter::All, "All".to_owned()),
            (VariantFilter::Unassigned, "No variant".to_owned()),
        ];
        choices.extend(
            variants
                .into_iter()
                .map(|v| (VariantFilter::Assigned(v.id), v.name)),
        );
        choices
            .into_iter()
            .map(|(filter, label)| FinderOption::new(filter.slug(), label, view.variant == filter))
            .collect()
    };
    let state_options = StateFilter::all()
        .map(|state| FinderOption::new(state.slug(), state.label(), view.state == state))
        .collect();
    let sort_options = NumberSort::all()
        .map(|sort| FinderOption::new(sort.slug(), sort.label(), view.sort == sort))
        .collect();
    let finder_select = move |label: &'static str,
                              name: &'static str,
                              id: String,
                              node_ref: NodeRef<html::Select>,
                              options: Vec<FinderOption>,
                              control: FinderControl| {
        let sort = control == FinderControl::Sort;
        view! { <FinderSelect label name id node_ref options sort on_change=move |()| emit.run(control)/> }
    };
    view! {
        <form
            class="finder"
            role="search"
            aria-label="Find numbers"
            method="get"
            action=path
            on:submit=move |ev| {
                if on_view.is_some() {
                    ev.prevent_default();
                    emit.run(FinderControl::Search);
                }
            }
        >
            <div class="finder__field finder__field--search">
                <label for=search_id.clone()>"Search numbers"</label>
                <input
                    node_ref=search_ref
                    id=search_id
                    type="search"
                    name="q"
                    value=view.search.clone()
                    inputmode="tel"
                    autocomplete="off"
                    maxlength=crate::domain::numbers_view::MAX_SEARCH_CHARS
                    placeholder="e.g. 020 7946 or +1 212"
                />
            </div>
            {finder_select("Source", "source", source_id, source_ref, source_options, FinderControl::Source)}
            {uses_variants.then(|| {
                finder_select("Assigned variant", "variant", variant_id, variant_ref, variant_options, FinderControl::Variant)
            })}
            {finder_select("State", "state", state_id, state_ref, state_options, FinderControl::State)}
            {finder_select("Sort", "sort", sort_id, sort_ref, sort_options, FinderControl::Sort)}
            <div class="finder__actions">
                <button type="submit" class="button button--secondary">"Search"</button>
                // A file the server writes: never a route of the app's router.
                <a class="button button--link finder__export" href=export rel="external" download="">
                    "Export CSV"
                </a>
            </div>
        </form>
        {clear.map(|href| {
            let target = href.clone();
            let sort = view.sort.slug();
            view! {
                // Its own form, so it also works as a page load: the page without filters.
                <form
                    class="finder__clear"
                    method="get"
                    action=href
                    on:submit=move |ev| {
                        if let Some(on_view) = on_view {
                            ev.prevent_default();
                            on_view.run((target.clone(), FinderControl::Search));
                        }
                    }
                >
                    {(!sort.is_empty()).then(|| view! { <input type="hidden" name="sort" value=sort/> })}
                    <button type="submit" class="button button--link">"Clear filters"</button>
                </form>
            }
        })}
    }
}

/// One `<option>` of a finder filter: its query value, label, and whether the view has it.
struct FinderOption {
    value: String,
    label: String,
    selected: bool,
}

impl FinderOption {
    fn new(value: impl Into<String>, label: impl Into<String>, selected: bool) -> Self {
        Self {
            value: value.into(),
            label: label.into(),
            selected,
        }
    }
}

/// A labelled filter `<select>` of the finder form, submitted as `name`; `sort` styles it as
/// the sort order; `on_change` runs when a member picks another option.
#[component]
fn FinderSelect(
    label: &'static str,
    name: &'static str,
    id: String,
    node_ref: NodeRef<html::Select>,
    options: Vec<FinderOption>,
    sort: bool,
    #[prop(into)] on_change: Callback<()>,
) -> impl IntoView {
    let options = options
        .into_iter()
        .map(|o| view! { <option value=o.value selected=o.selected>{o.label}</option> })
        .collect_view();
    view! {
        <div class="finder__field" class:finder__field--sort=sort>
            <label for=id.clone()>{label}</label>
            <select node_ref=node_ref id=id name=name on:change=move |_| on_change.run(())>
                {options}
            </select>
        </div>
    }
}
