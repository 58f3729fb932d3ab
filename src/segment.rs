//! TEMPORARY stub.
pub(crate) fn split_sentences(text: &str, out: &mut Vec<std::ops::Range<usize>>) {
    out.clear();
    let mut start = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'.' && b.get(i + 1) == Some(&b' ') {
            let mut j = i + 1;
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            out.push(start..j);
            start = j;
            i = j;
            continue;
        }
        i += 1;
    }
    if start < b.len() {
        out.push(start..b.len());
    }
}
