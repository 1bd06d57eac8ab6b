//! The row under the header: the views' tabs, and undo and redo. The first view draws it too, before the
//! app answers: a tab chosen there is named in the address, and the app opens it when it starts.

use leptos::prelude::*;

use crate::i18n::{Key, Lang};

use super::TestIds;
use super::address::View;

/// Undo and redo, where the page can.
#[derive(Clone, Copy)]
pub struct UndoRedo {
    pub can_undo: Signal<bool>,
    pub can_redo: Signal<bool>,
    pub undo: Callback<()>,
    pub redo: Callback<()>,
}

/// `undo` is `None` before the app answers: the buttons are there, and disabled.
#[component]
pub fn ViewsNav(
    view: Signal<View>,
    open: Callback<View>,
    undo: Option<UndoRedo>,
    lang: Signal<Lang>,
    ids: TestIds,
) -> impl IntoView {
    let tab = move |target: View, key: Key, testid: &'static str| {
        view! {
            <button type="button" role="tab" class="tab" data-testid=ids.name(testid)
                aria-selected=move || (view.get() == target).to_string()
                on:click=move |_| open.run(target)>
                {move || lang.get().t(key)}
            </button>
        }
    };
    let can = move |can: Option<Signal<bool>>| move || can.is_some_and(|c| c.get());
    view! {
        <nav class="views" aria-label=move || lang.get().t(Key::ViewsLabel)>
            <div role="tablist" class="tabs">
                {tab(View::Overview, Key::ViewOverview, "view-overview")}
                {tab(View::Register, Key::ViewRegister, "view-register")}
                {tab(View::Dashboard, Key::ViewDashboard, "view-dashboard")}
                {tab(View::Evaluations, Key::ViewEvaluations, "view-evaluations")}
                {tab(View::Report, Key::ViewReport, "view-report")}
                {tab(View::Compare, Key::ViewCompare, "view-compare")}
            </div>
            <div class="undo-redo">
                <button type="button" class="button small" data-testid=ids.name("undo")
                    disabled={let can = can(undo.map(|u| u.can_undo)); move || !can()}
                    aria-keyshortcuts="Control+Z" title=move || lang.get().t(Key::UndoHint)
                    on:click=move |_| if let Some(u) = undo { u.undo.run(()) }>
                    {move || lang.get().t(Key::Undo)}
                </button>
                <button type="button" class="button small" data-testid=ids.name("redo")
                    disabled={let can = can(undo.map(|u| u.can_redo)); move || !can()}
                    aria-keyshortcuts="Control+Shift+Z" title=move || lang.get().t(Key::RedoHint)
                    on:click=move |_| if let Some(u) = undo { u.redo.run(()) }>
                    {move || lang.get().t(Key::Redo)}
                </button>
            </div>
        </nav>
    }
}
