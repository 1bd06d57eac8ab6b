//! Presentation mode: the slide deck full-screen for a shared screen, large type and high contrast, no
//! edit controls. Arrows, Page Up/Down, space and clickers move, and swipes on a touch screen; Home and
//! End; a number and Enter jumps; Esc leaves. The deck follows the data.

use leptos::prelude::*;

use crate::charts::BarChart;
use crate::files;
use crate::format::Status;
use crate::i18n::Key;
use crate::slides::{Slide, deck_with_cities};

use super::scorecards::{postponed_line, quick_wins_line, since_line};
use super::{use_lang, use_settings, use_store};

/// How far a finger must travel across the deck, in CSS pixels, for a swipe to turn the slide.
const SWIPE_DISTANCE: i32 = 50;

#[component]
pub fn Presentation(close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let arrangement = use_settings().slides();
    let today = files::today();
    let slides = Memo::new(move |_| {
        // With several cities, the deck ends with their comparison.
        let cities: Vec<crate::format::Dataset> =
            crate::state::portfolio_cities(store).into_iter().map(|(_, d)| d).collect();
        arrangement.with(|a| a.shown(store.with(|d| deck_with_cities(d, &cities, lang.get(), &today))))
    });
    let current = RwSignal::new(0usize);
    let typed = RwSignal::new(String::new());
    let last = move || slides.with(Vec::len).saturating_sub(1);

    let deck_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(element) = deck_ref.get() {
            // Full screen where the browser allows it; the deck fills the window anyway.
            let _ = element.request_fullscreen();
            let _ = element.focus();
        }
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        let handled = match key.as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " | "Spacebar" => {
                current.update(|c| *c = (*c + 1).min(last()));
                true
            }
            "ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" => {
                current.update(|c| *c = c.saturating_sub(1));
                true
            }
            "Home" => {
                current.set(0);
                true
            }
            "End" => {
                current.set(last());
                true
            }
            "Enter" => {
                if let Ok(n) = typed.get_untracked().parse::<usize>() {
                    current.set(n.clamp(1, last() + 1) - 1);
                }
                typed.set(String::new());
                true
            }
            "Escape" => {
                if let Some(document) = web_sys::window().and_then(|w| w.document())
                    && document.fullscreen_element().is_some()
                {
                    document.exit_fullscreen();
                }
                close();
                true
            }
            digit if digit.len() == 1 && digit.chars().all(|c| c.is_ascii_digit()) => {
                typed.update(|t| t.push_str(digit));
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };
    // Leaving full screen with the browser's own key leaves the presentation too.
    super::window_events::while_presenting(on_key, close);
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
        <div class="deck" role="dialog" aria-modal="true" aria-label=move || lang.get().t(Key::PresentationLabel) tabindex="-1" node_ref=deck_ref
            data-testid="presentation" on:pointerdown=on_pointer_down on:pointerup=on_pointer_up
            on:pointercancel=move |_| swipe_from.set_value(None)>
            {move || {
                let index = current.get().min(last());
                slides.with(|s| s.get(index).cloned()).map(|slide| view! {
                    <section class="slide" data-testid="slide" data-slide-index=index.to_string() aria-roledescription="slide">
                        {slide_view(slide)}
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
                <button type="button" class="deck-button" aria-label=move || lang.get().t(Key::SlidePrevious) on:click=move |_| current.update(|c| *c = c.saturating_sub(1))>"‹"</button>
                <button type="button" class="deck-button" aria-label=move || lang.get().t(Key::SlideNext) on:click=move |_| current.update(|c| *c = (*c + 1).min(last()))>"›"</button>
                <button type="button" class="deck-button" data-testid="present-exit" on:click=move |_| close()>{move || lang.get().t(Key::PresentationExit)}</button>
            </div>
        </div>
    }
}

fn slide_view(slide: Slide) -> impl IntoView {
    let l = use_lang().get_untracked();
    match slide {
        Slide::Title { city, plan, date } => view! {
            <div class="slide-title">
                <p class="slide-kicker">{l.t(Key::AppTitle)}</p>
                <h2>{city}</h2>
                <p class="slide-plan">{plan}</p>
                <p class="slide-date">{date}</p>
            </div>
        }
        .into_any(),
        Slide::Headline { programs, counts } => {
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
        Slide::Chart(chart) => chart_slide(chart).into_any(),
        Slide::Map(map) => {
            let svg = map.to_svg();
            view! { <div class="slide-chart slide-map" role="img" aria-label=map.title.clone() inner_html=svg></div> }.into_any()
        }
        Slide::Dimension { dimension: _, chart, quick_wins, postponed } => view! {
            <div class="slide-dimension">
                {chart_slide(chart)}
                <div class="slide-lists">
                    {(!quick_wins.is_empty()).then(|| view! {
                        <div>
                            <h3>{l.t(Key::QuickWinsLabel)}</h3>
                            <ul>{quick_wins.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}</ul>
                        </div>
                    })}
                    {(!postponed.is_empty()).then(|| view! {
                        <div>
                            <h3>{l.tf(Key::PostponedHeading, &[("count", &l.count(postponed.len()))])}</h3>
                            <ul>{postponed.into_iter().map(|(name, year, reason)| view! { <li>{postponed_line(&name, year, &reason, l)}</li> }).collect_view()}</ul>
                        </div>
                    })}
                </div>
            </div>
        }
        .into_any(),
        Slide::Scorecard { card, chart, city } => {
            let since = card.since_round.as_ref().map(|since| since_line(since, l));
            let quick_wins = quick_wins_line(&card, l);
            view! {
                <div class="slide-dimension slide-scorecard" data-testid="slide-scorecard" data-agency-id=card.agency_id.clone()>
                    {chart_slide(chart)}
                    <div class="slide-lists">
                        <p class="slide-kicker">{l.tf(Key::ScorecardKicker, &[("city", &city)])}</p>
                        <p>{quick_wins}</p>
                        {since.map(|line| view! { <p>{line}</p> })}
                        {(!card.postponed.is_empty()).then(|| view! {
                            <div>
                                <h3>{l.tf(Key::PostponedHeading, &[("count", &l.count(card.postponed.len()))])}</h3>
                                <ul>{card.postponed.iter().map(|(name, year, reason)| view! { <li>{postponed_line(name, *year, reason, l)}</li> }).collect_view()}</ul>
                            </div>
                        })}
                    </div>
                </div>
            }
            .into_any()
        }
    }
}

fn chart_slide(chart: BarChart) -> impl IntoView {
    let svg = chart.to_svg();
    view! { <div class="slide-chart" role="img" aria-label=chart.title.clone() inner_html=svg></div> }
}
