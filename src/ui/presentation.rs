//! Presentation mode: the slide deck full-screen for a shared screen, large type, light or dark, no
//! edit controls; the deck of the dashboard's filter; printed one 16:9 slide per page. Arrows, Page Up/Down, space and clickers move, and swipes on a touch screen; Home and
//! End; a number and Enter jumps; Esc leaves. The deck follows the data.

use leptos::portal::Portal;
use leptos::prelude::*;

use crate::charts::SlideTheme;
use crate::files;
use crate::format::Status;
use crate::i18n::Key;
use crate::metrics::ProgramFilter;
use crate::slides::{self, DeckOf, Page, deck_with_cities};

use super::deck_channel::{DeckChannel, DeckMessage};
use super::{use_lang, use_settings, use_store};

/// How far a finger must travel across the deck, in CSS pixels, for a swipe to turn the slide.
const SWIPE_DISTANCE: i32 = 50;

#[component]
pub fn Presentation(
    close: impl Fn() + Copy + Send + Sync + 'static,
    /// The dashboard's filter: the deck counts only the programs it keeps, and every slide names it.
    filter: Signal<ProgramFilter>,
) -> impl IntoView {
    let lang = use_lang();
    // Said in the deck itself: the page's messages are behind it.
    let presenter_blocked = RwSignal::new(false);
    let settings = use_settings();
    let arrangement = settings.slides();
    let DeckPages { pages, filter_line, theme } = deck_pages(filter);
    let current = RwSignal::new(0usize);
    let typed = RwSignal::new(String::new());
    let last = move || pages.with(Vec::len).saturating_sub(1);
    // The presenter's window, when open, drives the deck and hears where it is.
    let channel = StoredValue::new_local(None::<DeckChannel>);
    let tell_showing = move || {
        let showing = DeckMessage::Showing { at: current.get_untracked().min(last()), filter: filter.get_untracked() };
        channel.with_value(|c| c.iter().for_each(|c| c.tell(&showing)));
    };
    channel.set_value(DeckChannel::open(move |message| match message {
        DeckMessage::Go { at } => current.set(at.min(last())),
        DeckMessage::Hello => tell_showing(),
        DeckMessage::Showing { .. } => {}
    }));
    Effect::new(move |_| {
        current.track();
        filter.track();
        pages.track();
        tell_showing();
    });
    // How many times the deck was printed: each print draws the slides anew, as they are arranged then.
    let printing = RwSignal::new(0u32);
    let print_ref = NodeRef::<leptos::html::Div>::new();
    let print_now = move || {
        printing.update(|n| *n += 1);
        // Printed once every slide is in the page: the next frame comes after the render.
        request_animation_frame(move || {
            if let Some(element) = print_ref.get_untracked() {
                super::scorecards::print_alone(&element);
            }
        });
    };
    // What leaving full screen means: the presenter leaving the deck (the browser's own key), or the page
    // leaving it on purpose, to print (a full-screen page prints as one screen) or to open the presenter's
    // window (the browser leaves full screen for a new window).
    let on_full_screen_left = StoredValue::new(FullScreenLeft::Close);
    let leave_full_screen = move |then: FullScreenLeft| -> bool {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
        if document.fullscreen_element().is_none() {
            return false;
        }
        on_full_screen_left.set_value(then);
        document.exit_fullscreen();
        true
    };
    let print = move |_| {
        if !leave_full_screen(FullScreenLeft::Print) {
            print_now();
        }
    };
    let open_presenter_view = move |_| {
        leave_full_screen(FullScreenLeft::Stay);
        let opened = web_sys::window().and_then(|w| {
            w.open_with_url_and_target_and_features(
                &super::address::presenter_address(),
                "masterplan-presenter",
                "popup",
            )
            .ok()
            .flatten()
        });
        presenter_blocked.set(opened.is_none());
    };

    let deck_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(element) = deck_ref.get() {
            // Full screen where the browser allows it; the deck fills the window anyway.
            let _ = element.request_fullscreen();
            let _ = element.focus();
        }
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(deck_key) = DeckKey::of(&ev.key(), current.get_untracked(), last(), typed) else { return };
        ev.prevent_default();
        match deck_key {
            DeckKey::To(at) => current.set(at),
            DeckKey::Typed => {}
            DeckKey::Leave => {
                if let Some(document) = web_sys::window().and_then(|w| w.document())
                    && document.fullscreen_element().is_some()
                {
                    document.exit_fullscreen();
                }
                close();
            }
        }
    };
    // Leaving full screen with the browser's own key leaves the presentation too.
    super::window_events::while_presenting(on_key, move || {
        match on_full_screen_left.get_value() {
            FullScreenLeft::Close => close(),
            FullScreenLeft::Print => print_now(),
            FullScreenLeft::Stay => {}
        }
        on_full_screen_left.set_value(FullScreenLeft::Close);
    });
    // On a touch screen a swipe to the left is the next slide, to the right the previous one. A mouse
    // dragging across the deck moves nothing, and a tap on a button is not a swipe.
    let swipe_from = StoredValue::new(None::<(i32, i32)>);
    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() != "mouse" {
            swipe_from.set_value(Some((ev.client_x(), ev.client_y())));
        }
    };
    let on_pointer_up = move |ev: web_sys::PointerEvent| {
        let Some((x, y)) = swipe_from.get_value() else { return };
        swipe_from.set_value(None);
        let (across, down) = (ev.client_x() - x, ev.client_y() - y);
        if across.abs() >= SWIPE_DISTANCE && across.abs() > 2 * down.abs() {
            if across < 0 {
                current.update(|c| *c = (*c + 1).min(last()));
            } else {
                current.update(|c| *c = c.saturating_sub(1));
            }
        }
    };

    view! {
        <div class=move || format!("deck theme-{}", theme.get().code()) role="dialog" aria-modal="true" aria-label=move || lang.get().t(Key::PresentationLabel) tabindex="-1" node_ref=deck_ref
            data-testid="presentation" on:pointerdown=on_pointer_down on:pointerup=on_pointer_up
            on:pointercancel=move |_| swipe_from.set_value(None)>
            {move || {
                let index = current.get().min(last());
                let theme = theme.get();
                pages.with(|p| p.get(index).map(|(_, page)| page.clone())).map(|page| view! {
                    <section class="slide" data-testid="slide" data-slide-index=index.to_string() aria-roledescription="slide">
                        {move || filter_line.get().map(|line| view! { <p class="slide-filter" data-testid="slide-filter">{line}</p> })}
                        {page_view(page, theme)}
                    </section>
                })
            }}
            <div class="deck-bar">
                <span class="slide-counter" data-testid="slide-counter" aria-live="polite">
                    {move || {
                        let l = lang.get();
                        l.tf(Key::SlideCounter, &[("current", &l.count(current.get().min(last()) + 1)), ("total", &l.count(last() + 1))])
                    }}
                </span>
                <span class="typed">{move || typed.get()}</span>
                {move || presenter_blocked.get().then(|| view! { <span class="deck-alert" role="alert">{lang.get().t(Key::PresenterBlocked)}</span> })}
                <button type="button" class="deck-button" aria-label=move || lang.get().t(Key::SlidePrevious) on:click=move |_| current.update(|c| *c = c.saturating_sub(1))>"‹"</button>
                <button type="button" class="deck-button" aria-label=move || lang.get().t(Key::SlideNext) on:click=move |_| current.update(|c| *c = (*c + 1).min(last()))>"›"</button>
                <button type="button" class="deck-button" data-testid="slide-theme" aria-pressed=move || (theme.get() == SlideTheme::Dark).to_string()
                    on:click=move |_| settings.arrange_slides(arrangement.get_untracked().with_theme(theme.get_untracked().other()))>
                    {move || lang.get().t(match theme.get() { SlideTheme::Light => Key::SlideThemeDark, SlideTheme::Dark => Key::SlideThemeLight })}
                </button>
                <button type="button" class="deck-button" data-testid="presenter-view-open" on:click=open_presenter_view>{move || lang.get().t(Key::PresenterViewOpen)}</button>
                <button type="button" class="deck-button" data-testid="deck-print" on:click=print>{move || lang.get().t(Key::SlidesPrint)}</button>
                <button type="button" class="deck-button" data-testid="present-exit" on:click=move |_| close()>{move || lang.get().t(Key::PresentationExit)}</button>
            </div>
            // Every slide as arranged, one per printed page, made only when printing is asked for. Outside the
            // deck: the browser's own style for a full-screen element (fixed, !important) would hold the
            // printed slides to one screen.
            {move || (printing.get() > 0).then(|| view! {
                <Portal>
                    <div class="deck-print" node_ref=print_ref data-testid="deck-printed">
                        {move || {
                            let theme = theme.get_untracked();
                            let line = filter_line.get_untracked();
                            pages.get_untracked().into_iter().map(|(_, page)| {
                                let line = line.clone();
                                view! {
                                    <section class=format!("print-slide slide theme-{}", theme.code())>
                                        {line.map(|line| view! { <p class="slide-filter">{line}</p> })}
                                        {page_view(page, theme)}
                                    </section>
                                }
                            }).collect_view()
                        }}
                    </div>
                </Portal>
            })}
        </div>
    }
}

/// What a key does to a deck (the audience's or the presenter's window): arrows, Page Up/Down, space and
/// clickers move, Home and End, a number and Enter jumps, Esc leaves.
pub(super) enum DeckKey {
    /// To this slide (counted from 0).
    To(usize),
    /// A digit of a slide's number, kept in `typed` until Enter.
    Typed,
    Leave,
}

impl DeckKey {
    /// What `key` does at slide `at` of a deck whose last slide is `last`; `None` for a key the deck leaves
    /// to the browser.
    pub(super) fn of(key: &str, at: usize, last: usize, typed: RwSignal<String>) -> Option<DeckKey> {
        Some(match key {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " | "Spacebar" => DeckKey::To((at + 1).min(last)),
            "ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" => DeckKey::To(at.saturating_sub(1)),
            "Home" => DeckKey::To(0),
            "End" => DeckKey::To(last),
            "Enter" => {
                let number = typed.get_untracked().parse::<usize>().ok();
                typed.set(String::new());
                DeckKey::To(number.map_or(at, |n| n.clamp(1, last + 1) - 1))
            }
            "Escape" => DeckKey::Leave,
            digit if digit.len() == 1 && digit.chars().all(|c| c.is_ascii_digit()) => {
                typed.update(|t| t.push_str(digit));
                DeckKey::Typed
            }
            _ => return None,
        })
    }
}

/// What the deck does when the browser leaves full screen.
#[derive(Clone, Copy)]
enum FullScreenLeft {
    Close,
    Print,
    Stay,
}

/// The deck as shown: every page of the slides the presenter keeps, each with its slide's key (for its
/// notes), the line that names the filter, and the theme.
pub(super) struct DeckPages {
    pub pages: Memo<Vec<(String, Page)>>,
    pub filter_line: Memo<Option<String>>,
    pub theme: Memo<SlideTheme>,
}

pub(super) fn deck_pages(filter: Signal<ProgramFilter>) -> DeckPages {
    let store = use_store();
    let lang = use_lang();
    let arrangement = use_settings().slides();
    let today = files::today();
    let pages = Memo::new(move |_| {
        // With several cities, the deck ends with their comparison.
        let cities: Vec<crate::format::Dataset> =
            crate::state::portfolio_cities(store).into_iter().map(|(_, d)| d).collect();
        let l = lang.get();
        let of = DeckOf { filter: filter.get(), today: today.clone() };
        let slides = arrangement.with(|a| a.shown(store.with(|d| deck_with_cities(d, &cities, &of, l))));
        slides.iter().flat_map(|slide| slide.pages(l).into_iter().map(|page| (slide.key(), page))).collect()
    });
    let filter_line = Memo::new(move |_| store.with(|d| filter.with(|f| slides::filter_line(d, f, lang.get()))));
    let theme = Memo::new(move |_| arrangement.with(|a| a.theme));
    DeckPages { pages, filter_line, theme }
}

pub(super) fn page_view(page: Page, theme: SlideTheme) -> impl IntoView {
    let l = use_lang().get_untracked();
    match page {
        Page::Title { city, plan, date } => view! {
            <div class="slide-title">
                <p class="slide-kicker">{l.t(Key::AppTitle)}</p>
                <h2>{city}</h2>
                <p class="slide-plan">{plan}</p>
                <p class="slide-date">{date}</p>
            </div>
        }
        .into_any(),
        Page::Headline { programs, counts } => {
            let shares = counts.shares();
            view! {
                <div class="slide-headline">
                    <h2>{l.tf(Key::SlideHeadline, &[("count", &l.count(programs))])}</h2>
                    <ul class="headline-figures">
                        {Status::ALL.iter().map(|s| view! {
                            <li class=format!("status-{}", s.code())>
                                <span class="swatch" aria-hidden="true"></span>
                                <span class="big">{l.count(counts.get(*s))}</span>
                                <span>{l.status(*s)}</span>
                                <span class="share">{l.share(shares.get(*s))}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            }
            .into_any()
        }
        Page::Chart(chart) => {
            let svg = chart.to_slide_svg(theme);
            view! { <div class="slide-chart" role="img" aria-label=chart.title.clone() inner_html=svg></div> }
                .into_any()
        }
        Page::Map(map) => {
            let svg = map.to_slide_svg();
            view! { <div class="slide-chart slide-map" role="img" aria-label=map.title.clone() inner_html=svg></div> }
                .into_any()
        }
        Page::Lists { title, kicker, sections, agency_id } => {
            let scorecard = agency_id.is_some();
            view! {
                <div class="slide-lists" data-testid=scorecard.then_some("slide-scorecard") data-agency-id=agency_id>
                    {kicker.map(|k| view! { <p class="slide-kicker">{k}</p> })}
                    <h2>{title}</h2>
                    {sections.into_iter().map(|section| view! {
                        <div class="slide-section">
                            {(!section.heading.is_empty()).then(|| view! { <h3>{section.heading.clone()}</h3> })}
                            <ul>{section.lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                        </div>
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
    }
}
