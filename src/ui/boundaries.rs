//! Boundaries from a GIS file in the data panel: chosen, their code and name properties confirmed, previewed
//! on the map with what they change, then put in place of the dataset's (one step, undoable) or cancelled.
//! A refused file names its place and changes nothing.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::edit::{self, LostLocations};
use crate::files::Reading;
use crate::format::FormatError;
use crate::geo::boundaries::{Boundaries, BoundariesFile, FieldChoice, POSITIONS_BUDGET};
use crate::i18n::{Key, Lang};
use crate::map::{MapChart, MapView};
use crate::state::notices::Confirmation;

use super::{use_lang, use_notices, use_store};

/// A boundaries file read, and the properties chosen as its code and name.
#[derive(Clone, Debug, PartialEq)]
struct Opened {
    name: String,
    file: Arc<BoundariesFile>,
    choice: FieldChoice,
}

/// What the chosen properties make: the regions, what they take from the programs, and the map they draw.
#[derive(Clone, Debug, PartialEq)]
struct Proposal {
    boundaries: Boundaries,
    lost: LostLocations,
    map_svg: String,
}

#[component]
pub fn BoundariesBox() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let notices = use_notices();
    let reading = StoredValue::new_local(None::<Reading>);
    let opened = RwSignal::new(None::<Opened>);
    // A file refused as it was read: its name and the places of its problems, or why it could not be read.
    let refused = RwSignal::new(None::<(String, Result<Vec<FormatError>, String>)>);
    let proposal = Memo::new(move |_| {
        let l = lang.get();
        opened.with(|o| {
            let o = o.as_ref()?;
            Some(o.file.regions(&o.choice).map(|boundaries| {
                store.with(|d| {
                    let (change, lost) = edit::replace_regions(d, Some(boundaries.regions.clone()));
                    let preview = edit::applied(d, &change).ok();
                    let map_svg = preview
                        .and_then(|p| MapChart::of(&p, &p.programs, MapView::default(), l))
                        .map(|m| m.to_svg())
                        .unwrap_or_default();
                    Proposal { boundaries, lost, map_svg }
                })
            }))
        })
    });
    let current = Memo::new(move |_| {
        store.with(|d| d.regions.as_ref().map(|r| (r.features.len(), r.source.clone().unwrap_or_default())))
    });

    let on_file = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        let name = file.name();
        opened.set(None);
        refused.set(None);
        // Over the limit of every file, refused before it is read: a national layer would not fit in memory.
        let bytes = file.size() as u64;
        if bytes > crate::import::MAX_FILE_BYTES {
            let size = lang.get_untracked().size(bytes);
            refused.set(Some((name, Err(lang.get_untracked().tf(Key::ImportBatchTooLarge, &[("size", &size)])))));
            return;
        }
        let started = Reading::start(
            &file,
            |_| {},
            move |outcome| {
                let text = match outcome {
                    Ok(bytes) => crate::import::decode_text(&bytes),
                    Err(detail) => {
                        refused.set(Some((name, Err(detail))));
                        return;
                    }
                };
                match BoundariesFile::read(&text) {
                    Ok(file) => {
                        let choice = file.proposal.clone();
                        opened.set(Some(Opened { name, file: Arc::new(file), choice }));
                    }
                    Err(refusal) => refused.set(Some((name, Ok(refusal.errors)))),
                }
            },
        );
        match started {
            Ok(r) => reading.set_value(Some(r)),
            Err(detail) => refused.set(Some((file.name(), Err(detail)))),
        }
    };
    let apply = move |_| {
        let Some(Ok(p)) = proposal.get_untracked() else { return };
        let count = p.boundaries.regions.features.len();
        let (change, _) = store.with_untracked(|d| edit::replace_regions(d, Some(p.boundaries.regions.clone())));
        match store.apply(change) {
            Ok(()) => {
                opened.set(None);
                notices.confirm(Confirmation::BoundariesReplaced { regions: count });
            }
            Err(rejected) => {
                let name = opened.with_untracked(|o| o.as_ref().map(|o| o.name.clone()).unwrap_or_default());
                refused.set(Some((name, Ok(rejected.0))));
            }
        }
    };
    let field_select =
        move |testid: &'static str, label: Key, get: fn(&FieldChoice) -> String, set: fn(&mut FieldChoice, String)| {
            view! {
                <label class="filter">
                    <span>{move || lang.get().t(label)}</span>
                    <select data-testid=testid
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            opened.update(|o| if let Some(o) = o { set(&mut o.choice, value) });
                        }>
                        {move || opened.with(|o| o.as_ref().map(|o| {
                            let chosen = get(&o.choice);
                            o.file.fields.iter().map(|field| view! {
                                <option value=field.clone() selected={*field == chosen}>{field.clone()}</option>
                            }).collect_view()
                        }))}
                    </select>
                </label>
            }
        };

    view! {
        <div class="box boundaries-box" id="boundaries">
            <h3>{move || lang.get().t(Key::BoundariesHeading)}</h3>
            <p class="hint" data-testid="boundaries-current">
                {move || {
                    let l = lang.get();
                    match current.get() {
                        Some((count, source)) if !source.is_empty() => l.tf(Key::BoundariesCurrent, &[("count", &l.count(count)), ("source", &source)]),
                        Some((count, _)) => l.tf(Key::BoundariesCurrentNoSource, &[("count", &l.count(count))]),
                        None => l.t(Key::BoundariesNone).to_owned(),
                    }
                }}
            </p>
            <p class="hint">{move || lang.get().tf(Key::BoundariesHint, &[("budget", &lang.get().count(POSITIONS_BUDGET))])}</p>
            <div class="actions">
                <label class="button file-button">
                    <span>{move || lang.get().t(Key::BoundariesChoose)}</span>
                    <input type="file" accept=".geojson,.json,application/geo+json,application/json" data-testid="map-import" on:change=on_file/>
                </label>
            </div>
            {move || refused.get().map(|(name, errors)| view! {
                <ProblemList name=name errors=errors/>
            })}
            {move || opened.with(|o| o.as_ref().map(|o| (o.name.clone(), o.file.features()))).map(|(name, features)| {
                let l = lang.get();
                view! {
                    <div class="boundaries-preview" data-testid="map-import-preview" role="region" aria-label=l.t(Key::BoundariesPreview)>
                        <p>{l.tf(Key::BoundariesRead, &[("file", &name), ("count", &l.count(features))])}</p>
                        <div class="filters">
                            {field_select("map-import-code-field", Key::BoundariesCodeField, |c| c.code.clone(), |c, v| c.code = v)}
                            {field_select("map-import-name-field", Key::BoundariesNameField, |c| c.name.clone(), |c, v| c.name = v)}
                        </div>
                        {move || match proposal.get() {
                            Some(Err(refusal)) => view! { <ProblemList name=name.clone() errors=Ok(refusal.errors)/> }.into_any(),
                            Some(Ok(p)) => view! { <ProposalView proposal=p lang=lang.get()/> }.into_any(),
                            None => ().into_any(),
                        }}
                        <div class="actions">
                            <button type="button" class="button primary" data-testid="map-import-apply"
                                disabled=move || !matches!(proposal.get(), Some(Ok(_)))
                                on:click=apply>{move || lang.get().t(Key::BoundariesApply)}</button>
                            <button type="button" class="button" data-testid="map-import-cancel"
                                on:click=move |_| opened.set(None)>{move || lang.get().t(Key::ImportCancel)}</button>
                        </div>
                    </div>
                }
            })}
        </div>
    }
}

/// The regions the choice makes: how many, how detailed, what the programs lose, and their map.
#[component]
fn ProposalView(proposal: Proposal, lang: Lang) -> impl IntoView {
    let l = lang;
    let regions = &proposal.boundaries.regions;
    let kept = regions.positions();
    let detail = if kept < proposal.boundaries.positions_in_file {
        l.tf(
            Key::BoundariesSimplified,
            &[
                ("count", &l.count(regions.features.len())),
                ("kept", &l.count(kept)),
                ("file", &l.count(proposal.boundaries.positions_in_file)),
            ],
        )
    } else {
        l.tf(Key::BoundariesSize, &[("count", &l.count(regions.features.len())), ("kept", &l.count(kept))])
    };
    let lost = (proposal.lost.programs > 0).then(|| {
        let mut codes = proposal.lost.codes.clone();
        let more = codes.len().saturating_sub(10);
        codes.truncate(10);
        let mut list = codes.join(", ");
        if more > 0 {
            list.push_str(&format!(" (+{})", l.count(more)));
        }
        view! {
            <p class="warning" data-testid="map-import-lost">
                {l.tf(Key::BoundariesLost, &[("programs", &l.programs(proposal.lost.programs)), ("codes", &list)])}
            </p>
        }
    });
    view! {
        <p data-testid="map-import-size">{detail}</p>
        {lost}
        <div class="map-drawing preview" inner_html=proposal.map_svg></div>
    }
}

/// A refused file's problems, each with its place.
#[component]
fn ProblemList(name: String, errors: Result<Vec<FormatError>, String>) -> impl IntoView {
    let lang = use_lang();
    let (errors, unreadable) = match errors {
        Ok(errors) => (errors, None),
        Err(detail) => (Vec::new(), Some(detail)),
    };
    view! {
        <div class="notice notice-error" role="alert" data-testid="map-import-error">
            <p>{move || lang.get().tf(Key::BoundariesRefused, &[("file", &name)])}</p>
            {unreadable.map(|detail| view! { <p>{move || lang.get().tf(Key::BoundariesUnreadable, &[("detail", &detail)])}</p> })}
            <ul>
                {errors.into_iter().map(|e| view! { <li>{move || lang.get().problem(&e)}</li> }).collect_view()}
            </ul>
        </div>
    }
}
