//! Browser entry point: hydrates the server-rendered [`app::App`].

/// Called by the generated JavaScript once the WebAssembly module has loaded. Hydrates
/// asynchronously, so a lazy route shown by the server waits for its wasm chunk first.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_lazy(app::App);
}
