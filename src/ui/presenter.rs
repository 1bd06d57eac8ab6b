//! The presenter's window: the slide the audience sees, the next one, the presenter's notes for the slide,
//! a clock and the time since the start, and the deck's keys. It drives the audience's deck over the deck
//! channel and follows it; alone (the deck closed) it still moves through the slides itself.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::metrics::ProgramFilter;

use super::deck_channel::{DeckChannel, DeckMessage};
use super::presentation::{DeckKey, DeckPages, deck_pages, page_view};
use super::{use_lang, use_settings, use_store};

#[component]
pub fn PresenterView() -> impl IntoView {
    let lang = use_lang();
    let settings = use_settings();
    let store = use_store();
    let plan = store.plan();
    // The filter is the audience's deck's, told over the channel; until it speaks, the whole plan.
    let filter = RwSignal::new(ProgramFilter::default());
    let DeckPages { pages, filter_line, theme } = deck_pages(filter.into());
    let current = RwSignal::new(0usize);
    let last = move || pages.with(Vec::len).saturating_sub(1);
    let channel = StoredValue::new_local(None::<DeckChannel>);
    channel.set_value(DeckChannel::open(move |message| {
        if let DeckMessage::Showing { at, filter: shown } = message {
            if filter.get_untracked() != shown {
                filter.set(shown);
            }
            current.set(at);
        }
    }));
    channel.with_value(|c| c.iter().for_each(|c| c.tell(&DeckMessage::Hello)));
    let go = move |at: usize| {
        let at = at.min(last());
        current.set(at);
        channel.with_value(|c| c.iter().for_each(|c| c.tell(&DeckMessage::Go { at })));
    };
    let key_of_current =
        Memo::new(move |_| pages.with(|p| p.get(current.get().min(last())).map(|(key, _)| key.clone())));
    let note = Memo::new(move |_| {
        let key = key_of_current.get().unwrap_or_default();
        settings.slides().with(|a| a.note(&key).to_owned())
    });

    // The deck's keys, except while the presenter types a note.
    let typed = RwSignal::new(String::new());
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if super::window_events::is_text_entry(ev.target()) {
            return;
        }
        match DeckKey::of(&ev.key(), current.get_untracked(), last(), typed) {
            Some(DeckKey::To(at)) => go(at),
            Some(DeckKey::Typed) => {}
            // Esc belongs to the audience's deck; this window stays.
            Some(DeckKey::Leave) | None => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());

    // The clock and the time since the presenter's window opened (or the timer was restarted).
    let now = RwSignal::new(js_sys::Date::now());
    let started = RwSignal::new(js_sys::Date::now());
    if let Ok(ticking) =
        set_interval_with_handle(move || now.set(js_sys::Date::now()), std::time::Duration::from_secs(1))
    {
        on_cleanup(move || ticking.clear());
    }
    let clock = move || {
        now.track();
        let date = js_sys::Date::new_0();
        lang.get().time(date.get_hours(), date.get_minutes())
    };
    let elapsed = move || lang.get().duration(((now.get() - started.get()) / 1000.0).max(0.0) as u64);
    Effect::new(move |_| {
        let city = plan.with(|p| p.city.clone());
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&lang.get().tf(Key::PresenterViewTitle, &[("city", &city)]));
        }
    });

    view! {
        <div class=move || format!("presenter theme-{}", theme.get().code()) data-testid="presenter-view">
            <div class="presenter-now">
                <div class="presenter-frame">
                    {move || {
                        let index = current.get().min(last());
                        let theme = theme.get();
                        pages.with(|p| p.get(index).map(|(_, page)| page.clone())).map(|page| view! {
                            <section class=format!("slide deck-frame theme-{}", theme.code()) data-slide-index=index.to_string()>
                                {move || filter_line.get().map(|line| view! { <p class="slide-filter">{line}</p> })}
                                {page_view(page, theme)}
                            </section>
                        })
                    }}
                </div>
                <div class="presenter-bar">
                    <span class="slide-counter" data-testid="presenter-counter">
                        {move || {
                            let l = lang.get();
                            l.tf(Key::SlideCounter, &[("current", &l.count(current.get().min(last()) + 1)), ("total", &l.count(last() + 1))])
                        }}
                    </span>
                    <span class="typed">{move || typed.get()}</span>
                    <button type="button" class="deck-button" aria-label=move || lang.get().t(Key::SlidePrevious)
                        on:click=move |_| go(current.get_untracked().saturating_sub(1))>"‹"</button>
                    <button type="button" class="deck-button" aria-label=move || lang.get().t(Key::SlideNext)
                        on:click=move |_| go(current.get_untracked() + 1)>"›"</button>
                </div>
            </div>
            <aside class="presenter-side">
                <div class="presenter-times">
                    <p><span class="hint">{move || lang.get().t(Key::PresenterClock)}</span> <strong>{clock}</strong></p>
                    <p data-testid="presenter-timer"><span class="hint">{move || lang.get().t(Key::PresenterTimer)}</span> <strong>{elapsed}</strong></p>
                    <button type="button" class="button small" on:click=move |_| started.set(js_sys::Date::now())>
                        {move || lang.get().t(Key::PresenterTimerRestart)}
                    </button>
                </div>
                <section class="presenter-next" data-testid="presenter-next" aria-label=move || lang.get().t(Key::PresenterNext)>
                    <h2>{move || lang.get().t(Key::PresenterNext)}</h2>
                    {move || {
                        let index = current.get().min(last()) + 1;
                        let theme = theme.get();
                        match pages.with(|p| p.get(index).map(|(_, page)| page.clone())) {
                            Some(page) => view! {
                                <div class="presenter-frame small">
                                    <section class=format!("slide deck-frame theme-{}", theme.code())>{page_view(page, theme)}</section>
                                </div>
                            }.into_any(),
                            None => view! { <p>{lang.get().t(Key::PresenterNoNext)}</p> }.into_any(),
                        }
                    }}
                </section>
                <label class="presenter-notes">
                    <span>{move || lang.get().t(Key::PresenterNotes)}</span>
                    <textarea data-testid="slide-notes" rows="8" prop:value=move || note.get()
                        on:input=move |ev| {
                            if let Some(key) = key_of_current.get_untracked() {
                                settings.arrange_slides(settings.slides().get_untracked().with_note(&key, &event_target_value(&ev)));
                            }
                        }></textarea>
                </label>
            </aside>
        </div>
    }
}
