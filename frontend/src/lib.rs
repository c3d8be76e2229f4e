//! Browser entry point: hydrates the server-rendered [`app::App`].

/// Called by the generated JavaScript once the WebAssembly module has loaded. Hydrates
/// asynchronously, so a lazy route shown by the server waits for its wasm chunk first; once the
/// whole page, lazy route included, is hydrated, marks `<body data-hydrated="true">` (tests and
/// the first-load benchmark wait for it).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let Some(body) = leptos::prelude::document().body() else {
        return;
    };
    // `hydrate_from_async` sets Leptos's executor up on wasm-bindgen-futures itself.
    wasm_bindgen_futures::spawn_local(async move {
        leptos::mount::hydrate_from_async(body.clone(), app::App)
            .await
            .forget();
        let _ = body.set_attribute("data-hydrated", "true");
    });
}
