//! The presenter's list of slides, before starting: each slide shown or hidden, and moved up or down.
//! The choice is remembered in this browser.

use leptos::prelude::*;

use crate::files;
use crate::i18n::Key;
use crate::metrics::ProgramFilter;
use crate::slides::{DeckOf, deck_with_cities};

use super::{use_lang, use_settings, use_store};

#[component]
pub fn SlideList() -> impl IntoView {
    let store = use_store();
    let settings = use_settings();
    let lang = use_lang();
    let today = files::today();
    // The deck (every chart, every scorecard) is made only while the list is open, not on every edit.
    let open = RwSignal::new(false);
    let arranged = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let l = lang.get();
        let cities: Vec<crate::format::Dataset> =
            crate::state::portfolio_cities(store).into_iter().map(|(_, d)| d).collect();
        let of = DeckOf { filter: ProgramFilter::default(), today: today.clone() };
        let slides = store.with(|d| deck_with_cities(d, &cities, &of, l));
        settings
            .slides()
            .with(|a| a.arrange(slides))
            .into_iter()
            .map(|(s, shown)| (s.key(), s.caption(l), shown))
            .collect::<Vec<_>>()
    });
    let keys = move || arranged.with(|a| a.iter().map(|(k, _, _)| k.clone()).collect::<Vec<_>>());
    let note_of = move |key: &str| settings.slides().with(|a| a.note(key).to_owned());
    view! {
        <details class="slide-list" data-testid="slide-list" on:toggle=move |ev| {
            open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
        }>
            <summary>{move || lang.get().t(Key::SlidesArrange)}</summary>
            <ol>
                {move || arranged.get().into_iter().map(|(key, caption, shown)| {
                    let (toggle_key, up_key, down_key, note_key) = (key.clone(), key.clone(), key.clone(), key.clone());
                    let note = note_of(&key);
                    view! {
                        <li data-testid="slide-item" data-slide-key=key class:hidden-slide=!shown>
                            <label>
                                <input type="checkbox" data-testid="slide-shown" prop:checked=shown
                                    on:change=move |_| settings.arrange_slides(settings.slides().get_untracked().toggled(&toggle_key))/>
                                <span>{caption}</span>
                            </label>
                            <button type="button" class="button small" data-testid="slide-up" aria-label=lang.get().t(Key::SlideUp)
                                on:click=move |_| settings.arrange_slides(settings.slides().get_untracked().moved(&keys(), &up_key, -1))>"↑"</button>
                            <button type="button" class="button small" data-testid="slide-down" aria-label=lang.get().t(Key::SlideDown)
                                on:click=move |_| settings.arrange_slides(settings.slides().get_untracked().moved(&keys(), &down_key, 1))>"↓"</button>
                            <textarea class="slide-notes" data-testid="slide-notes" rows="1" aria-label=lang.get().t(Key::PresenterNotes)
                                placeholder=lang.get().t(Key::PresenterNotes) prop:value=note
                                on:change=move |ev| settings.arrange_slides(settings.slides().get_untracked().with_note(&note_key, &event_target_value(&ev)))></textarea>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </details>
    }
}
