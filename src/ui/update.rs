//! The announcement of a new build of the app, found on the host by the service worker (boot.js): the
//! user reloads into it when it suits them, after what they have is saved.

use leptos::prelude::*;

use crate::i18n::Key;

use super::{use_lang, use_store};

/// Shown once boot.js says a new build is installed and waiting (`app-update-ready`).
#[component]
pub fn UpdateNotice(ready: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let waits_for_save = RwSignal::new(false);
    let reload = move |_| {
        store.flush();
        // A reload would lose what could not be saved, or a conflict's pending choice.
        if store.unsaved_at_leaving() {
            waits_for_save.set(true);
            return;
        }
        waits_for_save.set(false);
        if let Some(window) = web_sys::window()
            && let Ok(accept) = web_sys::Event::new("app-update-accept")
        {
            let _ = window.dispatch_event(&accept);
        }
    };
    move || {
        ready.get().then(|| {
            view! {
                <div class="banner banner-info" role="status" data-testid="update-available">
                    <span>{move || lang.get().t(Key::UpdateAvailable)}</span>
                    " "
                    <button type="button" class="button small primary" data-testid="update-reload" on:click=reload>
                        {move || lang.get().t(Key::UpdateReload)}
                    </button>
                    {move || waits_for_save.get().then(|| view! {
                        <p class="field-error">{lang.get().t(Key::UpdateWaitsForSave)}</p>
                    })}
                </div>
            }
        })
    }
}
