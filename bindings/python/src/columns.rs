//! Arrow-layout columns for a batch of documents: the buffers of `language` (string),
//! `sentences` (list<struct<start, end, language>>) and `mentions` (list<struct<id, kind, start,
//! end, text, name, sentence, match, candidates: list<string>, resolved_by_context: bool>>),
//! built without one Python
//! object per mention. `nomina._arrow` wraps them in pyarrow arrays without copying.

use nomina::Lang;

use crate::doc::DocData;

/// A validity bitmap (bit set: valid), Arrow's least-significant-bit order.
#[derive(Default)]
pub(crate) struct Bitmap {
    bytes: Vec<u8>,
    len: usize,
    nulls: usize,
}

impl Bitmap {
    fn push(&mut self, valid: bool) {
        if self.len % 8 == 0 {
            self.bytes.push(0);
        }
        if valid {
            if let Some(last) = self.bytes.last_mut() {
                *last |= 1 << (self.len % 8);
            }
        } else {
            self.nulls += 1;
        }
        self.len += 1;
    }

    /// The bytes, or `None` when every slot is valid (Arrow then needs no bitmap).
    pub fn into_bytes(self) -> Option<Vec<u8>> {
        (self.nulls > 0).then_some(self.bytes)
    }

    /// The bits as the values of a boolean column (set: true).
    pub fn into_values(self) -> Vec<u8> {
        self.bytes
    }
}

/// A string column: 32-bit offsets, data, validity.
#[derive(Default)]
pub(crate) struct StrCol {
    pub offsets: Vec<i32>,
    pub data: Vec<u8>,
    pub valid: Bitmap,
}

impl StrCol {
    fn push(&mut self, s: Option<&str>) -> Result<(), Overflow> {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        if let Some(s) = s {
            self.data.extend_from_slice(s.as_bytes());
        }
        self.offsets
            .push(i32::try_from(self.data.len()).map_err(|_| Overflow)?);
        self.valid.push(s.is_some());
        Ok(())
    }
}

/// List offsets (32-bit) and validity.
#[derive(Default)]
pub(crate) struct ListCol {
    pub offsets: Vec<i32>,
    pub valid: Bitmap,
}

impl ListCol {
    fn push(&mut self, child_len: usize, valid: bool) -> Result<(), Overflow> {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        self.offsets.push(i32::try_from(child_len).map_err(|_| Overflow)?);
        self.valid.push(valid);
        Ok(())
    }
}

/// A batch too large for 32-bit Arrow offsets.
#[derive(Debug)]
pub(crate) struct Overflow;

/// The columns of a batch.
#[derive(Default)]
pub(crate) struct Columns {
    pub len: usize,
    pub language: StrCol,
    pub sentences: ListCol,
    pub s_start: Vec<i64>,
    pub s_end: Vec<i64>,
    pub s_language: StrCol,
    pub mentions: ListCol,
    pub m_id: StrCol,
    pub m_kind: StrCol,
    pub m_start: Vec<i64>,
    pub m_end: Vec<i64>,
    pub m_text: StrCol,
    pub m_name: StrCol,
    pub m_sentence: Vec<i64>,
    pub m_match: StrCol,
    pub m_candidates: ListCol,
    pub c_id: StrCol,
    /// `resolved_by_context` of each mention (values, not validity).
    pub m_resolved: Bitmap,
}

fn code(l: Option<Lang>) -> Option<&'static str> {
    l.map(Lang::code)
}

fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Columns {
    /// Appends one document; `None` (a null text) gives a null row.
    pub fn push(&mut self, doc: Option<&DocData>) -> Result<(), Overflow> {
        self.len += 1;
        let Some(d) = doc else {
            self.language.push(None)?;
            self.sentences.push(self.s_start.len(), false)?;
            self.mentions.push(self.m_start.len(), false)?;
            return Ok(());
        };
        self.language.push(code(d.language))?;
        for s in &d.sentences {
            self.s_start.push(int(s.start));
            self.s_end.push(int(s.end));
            self.s_language.push(code(s.language))?;
        }
        self.sentences.push(self.s_start.len(), true)?;
        for m in &d.mentions {
            self.m_id.push(Some(d.str(&m.id)))?;
            self.m_kind.push(Some(d.str(&m.kind)))?;
            self.m_start.push(int(m.start));
            self.m_end.push(int(m.end));
            self.m_text.push(Some(d.str(&m.text)))?;
            self.m_name.push(Some(d.str(&m.name)))?;
            self.m_sentence.push(int(m.sentence));
            self.m_match.push(Some(m.how.as_str()))?;
            for c in d.candidate_ids(m) {
                self.c_id.push(Some(c))?;
            }
            self.m_candidates
                .push(self.c_id.offsets.len().saturating_sub(1), true)?;
            self.m_resolved.push(m.resolved_by_context);
        }
        self.mentions.push(self.m_start.len(), true)?;
        Ok(())
    }
}

/// Little-endian bytes of a slice of integers.
pub(crate) fn le_bytes<T: Copy + ToLe>(v: &[T]) -> Vec<u8> {
    let mut out = Vec::with_capacity(std::mem::size_of_val(v));
    for x in v {
        x.extend_le(&mut out);
    }
    out
}

/// Integers written as little-endian bytes.
pub(crate) trait ToLe {
    fn extend_le(self, out: &mut Vec<u8>);
}

impl ToLe for i32 {
    fn extend_le(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

impl ToLe for i64 {
    fn extend_le(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}
