//! The program form's locations: the regions chosen, each removable, and a kecamatan then (optionally) one
//! of its kelurahan to add; without boundaries in the data, the codes typed, separated by semicolons.

use leptos::prelude::*;

use crate::geo::{Level, RegionIndex};
use crate::i18n::Key;

use super::{use_lang, use_store};

#[component]
pub fn LocationsField(
    chosen: Signal<Vec<String>>,
    on_change: Callback<Vec<String>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let places = Memo::new(move |_| store.with(|d| d.regions.as_ref().map(RegionIndex::of).unwrap_or_default()));
    let kecamatan = RwSignal::new(String::new());
    let kelurahan = RwSignal::new(String::new());
    let add = move |_| {
        let code = kelurahan.get_untracked();
        let code = if code.is_empty() { kecamatan.get_untracked() } else { code };
        if code.is_empty() {
            return;
        }
        let mut list = chosen.get_untracked();
        if !list.contains(&code) {
            list.push(code);
            on_change.run(list);
        }
        kecamatan.set(String::new());
        kelurahan.set(String::new());
    };
    let error_view = move || view! { <p class="field-error" role="alert">{move || error.get()}</p> };
    move || {
        if places.with(|p| p.entries.is_empty()) {
            // No boundaries to choose from: the codes as a colleague's file or spreadsheet gives them.
            return view! {
                <div class="field wide" class:has-error=move || error.with(Option::is_some)>
                    <label for="program-locations">{move || lang.get().t(Key::FieldLocations)}</label>
                    <input id="program-locations" type="text" data-testid="program-field-locations"
                        prop:value=move || chosen.get().join("; ")
                        on:change=move |ev| on_change.run(
                            event_target_value(&ev).split([';', ',']).map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect()
                        )/>
                    <p class="field-hint">{move || lang.get().t(Key::LocationsWithoutBoundaries)}</p>
                    {error_view()}
                </div>
            }
            .into_any();
        }
        view! {
            <fieldset class="field wide locations" data-testid="program-field-locations" class:has-error=move || error.with(Option::is_some)>
                <legend>{move || lang.get().t(Key::FieldLocations)}</legend>
                <ul class="location-list">
                    {move || {
                        let list = chosen.get();
                        if list.is_empty() {
                            return view! { <li class="city-wide">{lang.get().t(Key::LocationsCityWide)}</li> }.into_any();
                        }
                        list.into_iter().map(|code| {
                            let label = places.with(|p| p.label(&code));
                            let remove = code.clone();
                            view! {
                                <li data-testid="program-location" data-region-code=code.clone()>
                                    <span>{label.clone()}</span>
                                    <button type="button" class="button small" data-testid="program-location-remove"
                                        aria-label=move || lang.get().tf(Key::LocationsRemove, &[("name", &label)])
                                        on:click=move |_| on_change.run(chosen.get_untracked().into_iter().filter(|c| *c != remove).collect())>
                                        "×"
                                    </button>
                                </li>
                            }
                        }).collect_view().into_any()
                    }}
                </ul>
                <div class="location-add">
                    <label class="filter">
                        // The first choice is a kecamatan when the boundaries have them; a file of kelurahan
                        // alone offers its regions as they are.
                        <span>{move || lang.get().t(if places.with(|p| p.entries.iter().all(|e| e.parent.is_some() || e.level == Level::Kecamatan)) {
                            Key::LocationsKecamatan
                        } else {
                            Key::MapRegionHead
                        })}</span>
                        <select data-testid="program-location-kecamatan" prop:value=move || kecamatan.get()
                            on:change=move |ev| { kecamatan.set(event_target_value(&ev)); kelurahan.set(String::new()); }>
                            <option value="">{move || lang.get().t(Key::LocationsChoose)}</option>
                            {move || places.with(|p| p.entries.iter().filter(|e| e.parent.is_none()).map(|e| {
                                let code = e.code.clone();
                                view! { <option value=e.code.clone() prop:selected=move || kecamatan.with(|k| *k == code)>{e.name.clone()}</option> }
                            }).collect_view())}
                        </select>
                    </label>
                    <label class="filter">
                        <span>{move || lang.get().t(Key::LocationsKelurahan)}</span>
                        <select data-testid="program-location-kelurahan" prop:value=move || kelurahan.get()
                            disabled=move || kecamatan.with(String::is_empty)
                            on:change=move |ev| kelurahan.set(event_target_value(&ev))>
                            <option value="">{move || lang.get().t(Key::LocationsWholeKecamatan)}</option>
                            {move || places.with(|p| {
                                let parent = kecamatan.with(|k| p.find(k));
                                p.entries.iter().filter(|e| parent.is_some() && e.parent == parent).map(|e| {
                                    let code = e.code.clone();
                                    view! { <option value=e.code.clone() prop:selected=move || kelurahan.with(|k| *k == code)>{e.name.clone()}</option> }
                                }).collect_view()
                            })}
                        </select>
                    </label>
                    <button type="button" class="button small" data-testid="program-location-add"
                        disabled=move || kecamatan.with(String::is_empty) on:click=add>
                        {move || lang.get().t(Key::LocationsAdd)}
                    </button>
                </div>
                {error_view()}
            </fieldset>
        }
        .into_any()
    }
}
