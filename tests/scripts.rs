//! Names in scripts written without spaces: every Han, Hiragana or Katakana character is a word
//! of its own, so names are found between other characters; Latin text keeps its word rules.

use nomina::{Analyzer, Gazetteer, Lang};

fn analyzer(tsv: &str, langs: &[Lang]) -> Analyzer {
    let gaz = Gazetteer::from_tsv_str(tsv).unwrap();
    let mut b = Analyzer::builder(&gaz);
    b.languages(langs.iter().copied());
    b.build().unwrap()
}

fn found(a: &Analyzer, text: &str) -> Vec<(String, String)> {
    a.mentions(text)
        .map(|m| {
            assert_eq!(&text[m.span()], m.text());
            (m.id().to_string(), m.text().to_string())
        })
        .collect()
}

#[test]
fn chinese_names_between_characters() {
    let a = analyzer(
        "Q956\tlocation\t北京\nQ8686\tlocation\t上海\nQ148\tlocation\t中国\n",
        &[Lang::Mandarin, Lang::English],
    );
    let text = "我住在北京。北京很大，上海也很大。";
    let ids: Vec<String> = found(&a, text).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["Q956", "Q956", "Q8686"]);
    // Next to Latin text and digits, and at the ends of the text.
    assert_eq!(found(&a, "中国GDP2024年").len(), 1);
    assert_eq!(found(&a, "北京").len(), 1);
    // Half a name is no name.
    assert!(found(&a, "北方的京剧").is_empty());
}

#[test]
fn japanese_names_in_kana_and_kanji() {
    let a = analyzer(
        "Q1490\tlocation\t東京\nQ17\tlocation\t日本\nQ1\torganization\tソニー\n",
        &[Lang::Japanese, Lang::English],
    );
    let text = "東京に住んでいます。ソニーは日本の会社です。";
    let names: Vec<String> = found(&a, text).into_iter().map(|(_, t)| t).collect();
    assert_eq!(names, ["東京", "ソニー", "日本"]);
    // A documented limit: without a dictionary, a name is found inside a longer word too
    // (`東京` inside `東京都`).
    assert_eq!(found(&a, "東京都庁").len(), 1);
}

#[test]
fn latin_names_next_to_han_and_latin_rules_unchanged() {
    let a = analyzer(
        "Q312\torganization\tApple\nQ380\torganization\tMeta\nQ956\tlocation\t北京\n",
        &[Lang::French, Lang::Italian, Lang::English, Lang::Mandarin],
    );
    // A Latin name right before or after Han characters is a whole word.
    assert_eq!(found(&a, "Apple公司在北京。").len(), 2);
    assert_eq!(found(&a, "北京Apple").len(), 2);
    // French, Italian, English: words stay whole.
    assert_eq!(found(&a, "Le Metaverse de Meta.").len(), 1);
    assert_eq!(found(&a, "Il metaverso di Meta e le Apple-watch.").len(), 2);
    assert!(found(&a, "Applesauce and Metaverse.").is_empty());
}
