//! The line between the audience's deck and the presenter's window of the same page: which slide is shown
//! and of which filter, over a BroadcastChannel (same browser, same origin, no server). Either window may
//! close; the other goes on alone.

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::metrics::ProgramFilter;

const DECK_CHANNEL: &str = "masterplan-deck";

/// What the two windows tell each other.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeckMessage {
    /// From the audience's deck: the slide it shows (counted from 0) and the deck's filter.
    Showing { at: usize, filter: ProgramFilter },
    /// From the presenter's window: show this slide.
    Go { at: usize },
    /// From a presenter's window that just opened: what is shown?
    Hello,
}

/// One window's end of the line; listening stops when it is dropped.
pub struct DeckChannel {
    end: web_sys::BroadcastChannel,
    _listener: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl DeckChannel {
    /// `None` where the browser has no BroadcastChannel: the deck then works alone.
    pub fn open(mut heard: impl FnMut(DeckMessage) + 'static) -> Option<DeckChannel> {
        let end = web_sys::BroadcastChannel::new(DECK_CHANNEL).ok()?;
        let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            // Anything else on the line (another version's message) is not ours to act on.
            if let Some(message) = event.data().as_string().and_then(|text| serde_json::from_str(&text).ok()) {
                heard(message);
            }
        });
        end.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Some(DeckChannel { end, _listener: listener })
    }

    pub fn tell(&self, message: &DeckMessage) {
        if let Ok(text) = serde_json::to_string(message) {
            let _ = self.end.post_message(&text.into());
        }
    }
}

impl Drop for DeckChannel {
    fn drop(&mut self) {
        self.end.set_onmessage(None);
        self.end.close();
    }
}
