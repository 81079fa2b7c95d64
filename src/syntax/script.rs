//! Traditional script (繁体字) read as simplified for figures and relations.
//!
//! Many drafts are typed, or pasted from older books, in traditional script:
//! `糧食總產量52.25萬噸`, `其中城鎮戶籍人口…`, `增長7.4%`. yblint reads the
//! figures of such a draft from a simplified copy of its text, made character
//! by character (the `fast2s` table), so that `萬`/`億` are magnitudes, `戶`
//! a unit and `其中`/`增長`/`減少` the words of the relations, exactly as in
//! simplified text.
//!
//! The copy keeps every byte offset: a character is replaced only by one of
//! the same UTF-8 length, so every span read from the copy points at the same
//! characters of the original, and diagnostics, fixes and the language server
//! work on the original text unchanged.

use std::borrow::Cow;

/// The text with every traditional character replaced by its simplified form
/// of the same UTF-8 length (`萬` → `万`, `戶` → `户`, `長` → `长`); other
/// characters, and any replacement that would change the byte length, are
/// kept. Borrowed when the text has nothing to convert.
///
/// The result always has the same length as `text`, with character
/// boundaries at the same offsets.
pub fn simplified(text: &str) -> Cow<'_, str> {
    let converted = fast2s::convert(text);
    // Variants the table leaves as written (凈增 for 净增).
    let converted = if converted.contains(VARIANTS_FROM) {
        converted
            .chars()
            .map(|c| match VARIANTS.iter().find(|(v, _)| *v == c) {
                Some((_, s)) => *s,
                None => c,
            })
            .collect()
    } else {
        converted
    };
    if converted == text {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut conv = converted.chars();
    for original in text.chars() {
        match conv.next() {
            Some(c) if c.len_utf8() == original.len_utf8() => out.push(c),
            Some(_) => out.push(original),
            // The table maps one character to one; should it ever not, the
            // rest of the text is read as written.
            None => out.push(original),
        }
    }
    debug_assert_eq!(out.len(), text.len());
    Cow::Owned(out)
}

/// Variant characters read as their simplified form, each of the same
/// length in UTF-8.
const VARIANTS: &[(char, char)] = &[('凈', '净')];
const VARIANTS_FROM: &[char] = &['凈'];

#[cfg(test)]
mod tests {
    use super::simplified;

    #[test]
    fn traditional_figures_read_as_simplified_with_the_same_offsets() {
        let t = "糧食總產量52.25萬噸，其中城鎮戶籍人口1.2萬戶，增長3.4%。";
        let s = simplified(t);
        assert_eq!(
            s,
            "粮食总产量52.25万吨，其中城镇户籍人口1.2万户，增长3.4%。"
        );
        assert_eq!(s.len(), t.len());
        for (a, b) in t.char_indices().zip(s.char_indices()) {
            assert_eq!(a.0, b.0);
        }
    }

    #[test]
    fn simplified_text_is_borrowed_unchanged() {
        let t = "全县有中小学61所，其中小学45所。乾隆年间";
        assert!(matches!(simplified(t), std::borrow::Cow::Borrowed(_)));
    }
}
