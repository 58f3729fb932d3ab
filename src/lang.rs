//! TEMPORARY stub, replaced by the real module.
use serde::{Deserialize, Serialize};
/// A language.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lang {
    /// French
    French,
    /// Italian
    Italian,
    /// English
    English,
    /// German
    German,
}
impl Lang {
    /// Code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::French => "fr",
            Lang::Italian => "it",
            Lang::English => "en",
            Lang::German => "de",
        }
    }
    /// From code.
    pub fn from_code(code: &str) -> Option<Lang> {
        Self::all()
            .iter()
            .copied()
            .find(|l| l.code() == code.trim().to_ascii_lowercase())
    }
    /// All.
    pub fn all() -> &'static [Lang] {
        &[Lang::French, Lang::Italian, Lang::English, Lang::German]
    }
}
pub(crate) struct LangDetector {
    allow: Vec<Lang>,
}
impl LangDetector {
    pub(crate) fn new(allow: &[Lang]) -> Self {
        LangDetector {
            allow: allow.to_vec(),
        }
    }
    pub(crate) fn allowlist(&self) -> &[Lang] {
        &self.allow
    }
    pub(crate) fn detect(
        &self,
        _text: &str,
        sentences: &[std::ops::Range<usize>],
        out: &mut Vec<Option<Lang>>,
    ) -> Option<Lang> {
        out.clear();
        out.extend(sentences.iter().map(|_| self.allow.first().copied()));
        self.allow.first().copied()
    }
}
