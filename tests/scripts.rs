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

/// The sentences `analyze` returns, checked to cover the input.
fn sentences(a: &Analyzer, text: &str) -> Vec<String> {
    let analysis = a.analyze(text);
    let got: Vec<String> = analysis
        .sentences()
        .iter()
        .map(|s| text[s.span()].to_string())
        .collect();
    assert_eq!(got.concat(), text);
    got
}

/// One script: its sentences split, a name found, a name not found inside a longer word.
struct Case {
    langs: &'static [Lang],
    tsv: &'static str,
    text: &'static str,
    sentences: &'static [&'static str],
    language: Lang,
    /// The names found in `text`, in order.
    names: &'static [&'static str],
    /// Texts where the name only appears inside a longer word.
    inside: &'static [&'static str],
}

fn check(c: &Case) {
    let a = analyzer(c.tsv, c.langs);
    assert_eq!(sentences(&a, c.text), c.sentences, "{}", c.text);
    let analysis = a.analyze(c.text);
    assert_eq!(analysis.language(), Some(c.language), "{}", c.text);
    for s in analysis.sentences() {
        assert_eq!(s.language(), Some(c.language), "{:?}", &c.text[s.span()]);
    }
    let names: Vec<String> = found(&a, c.text).into_iter().map(|(_, t)| t).collect();
    assert_eq!(names, c.names, "{}", c.text);
    for t in c.inside {
        assert!(found(&a, t).is_empty(), "{t}");
    }
}

#[test]
fn devanagari_hindi() {
    check(&Case {
        langs: &[Lang::Hindi, Lang::English],
        tsv: "Q1353\tlocation\tदिल्ली\nQ1156\tlocation\tमुंबई\n",
        text: "मैं दिल्ली में रहता हूँ। दिल्ली एक बड़ा शहर है। क्या आप मुंबई से हैं?",
        sentences: &["मैं दिल्ली में रहता हूँ। ", "दिल्ली एक बड़ा शहर है। ", "क्या आप मुंबई से हैं?"],
        language: Lang::Hindi,
        names: &["दिल्ली", "दिल्ली", "मुंबई"],
        // Vowel signs are letters: without them the word is another.
        inside: &["वह दिल्लीवाला है।", "नईदिल्ली स्टेशन", "दल्ल है।", "दिल्ल है।"],
    });
}

#[test]
fn arabic_and_urdu() {
    check(&Case {
        langs: &[Lang::Arabic, Lang::English],
        tsv: "Q85\tlocation\tالقاهرة\n",
        text: "هل زرت القاهرة؟ القاهرة مدينة كبيرة جدا. أحب القاهرة كثيرا.",
        sentences: &[
            "هل زرت القاهرة؟ ",
            "القاهرة مدينة كبيرة جدا. ",
            "أحب القاهرة كثيرا.",
        ],
        language: Lang::Arabic,
        names: &["القاهرة", "القاهرة", "القاهرة"],
        // Attached prepositions make a longer word: a documented limit, the name is not found.
        inside: &["ذهبت إلى بالقاهرة أمس."],
    });
    check(&Case {
        langs: &[Lang::Urdu, Lang::English],
        tsv: "Q11739\tlocation\tلاہور\n",
        text: "میں لاہور میں رہتا ہوں۔ لاہور ایک بڑا شہر ہے۔ کیا آپ نے لاہور دیکھا ہے؟",
        sentences: &[
            "میں لاہور میں رہتا ہوں۔ ",
            "لاہور ایک بڑا شہر ہے۔ ",
            "کیا آپ نے لاہور دیکھا ہے؟",
        ],
        language: Lang::Urdu,
        names: &["لاہور", "لاہور", "لاہور"],
        inside: &["وہ لاہوری کھانا پسند کرتا ہے۔"],
    });
}

#[test]
fn greek() {
    // The Greek question mark U+037E, and the ASCII `;` Greek writers often type instead.
    check(&Case {
        langs: &[Lang::Greek, Lang::English],
        tsv: "Q1524\tlocation\tΑθήνα\n",
        text: "Πού είναι η Αθήνα\u{37e} Η Αθήνα είναι η πρωτεύουσα. Ζεις στην Αθήνα; Ναι, εδώ και χρόνια.",
        sentences: &[
            "Πού είναι η Αθήνα\u{37e} ",
            "Η Αθήνα είναι η πρωτεύουσα. ",
            "Ζεις στην Αθήνα; ",
            "Ναι, εδώ και χρόνια.",
        ],
        language: Lang::Greek,
        names: &["Αθήνα", "Αθήνα", "Αθήνα"],
        inside: &["Ο Αθηναίος δημοσιογράφος έγραψε το άρθρο."],
    });
}

#[test]
fn hebrew() {
    check(&Case {
        langs: &[Lang::Hebrew, Lang::English],
        tsv: "Q1218\tlocation\tירושלים\n",
        text: "ירושלים היא עיר עתיקה. האם ביקרת פעם ירושלים? כן, בשנה שעברה.",
        sentences: &[
            "ירושלים היא עיר עתיקה. ",
            "האם ביקרת פעם ירושלים? ",
            "כן, בשנה שעברה.",
        ],
        language: Lang::Hebrew,
        names: &["ירושלים", "ירושלים"],
        inside: &["הוא גר בירושלים מאז ילדותו."],
    });
}

#[test]
fn cyrillic_russian() {
    check(&Case {
        langs: &[Lang::Russian, Lang::English],
        tsv: "Q649\tlocation\tМосква\n",
        text: "Москва — столица России. Вы были в Москва-Сити? Да, в прошлом году.",
        sentences: &[
            "Москва — столица России. ",
            "Вы были в Москва-Сити? ",
            "Да, в прошлом году.",
        ],
        language: Lang::Russian,
        names: &["Москва", "Москва"],
        inside: &["Компания Москватранс объявила о новых маршрутах."],
    });
}

#[test]
fn armenian() {
    check(&Case {
        langs: &[Lang::Armenian, Lang::English],
        tsv: "Q1953\tlocation\tԵրևան\n",
        text: "Երևան քաղաքը շատ հին է։ Ես ապրում եմ Երևան քաղաքում։",
        sentences: &["Երևան քաղաքը շատ հին է։ ", "Ես ապրում եմ Երևան քաղաքում։"],
        language: Lang::Armenian,
        names: &["Երևան", "Երևան"],
        inside: &["Ես ապրում եմ Երևանում։"],
    });
}

#[test]
fn ethiopic_amharic() {
    check(&Case {
        langs: &[Lang::Amharic, Lang::English],
        tsv: "Q3624\tlocation\tአዲስ አበባ\n",
        text: "አዲስ አበባ ትልቅ ከተማ ናት። እኔ አዲስ አበባ ውስጥ እኖራለሁ።",
        sentences: &["አዲስ አበባ ትልቅ ከተማ ናት። ", "እኔ አዲስ አበባ ውስጥ እኖራለሁ።"],
        language: Lang::Amharic,
        names: &["አዲስ አበባ", "አዲስ አበባ"],
        inside: &["እኔ በአዲስ አበባ እኖራለሁ።"],
    });
}

#[test]
fn scripts_without_spaces_never_panic_and_keep_valid_spans() {
    // Thai, Lao, Khmer, Myanmar: no dictionary, so a name is found only where spaces or
    // punctuation delimit it (a documented limit); spans stay valid whatever the text.
    let a = analyzer(
        "Q1861\tlocation\tกรุงเทพ\nQ9326\tlocation\tວຽງຈັນ\nQ1850\tlocation\tភ្នំពេញ\nQ37995\tlocation\tရန်ကုန်\n",
        &[Lang::Thai, Lang::Khmer, Lang::Burmese, Lang::English],
    );
    for text in [
        "ฉันอาศัยอยู่ที่กรุงเทพ กรุงเทพเป็นเมืองใหญ่",
        "ຂ້ອຍຢູ່ວຽງຈັນ. ວຽງຈັນ ແມ່ນນະຄອນຫຼວງ",
        "ខ្ញុំរស់នៅភ្នំពេញ។ ភ្នំពេញ ជាទីក្រុងធំ",
        "ကျွန်တော် ရန်ကုန် မှာ နေတယ်။ ရန်ကုန်မြို့",
        "กรุงเทพ",
        "\u{e31}\u{e34}\u{17d2}\u{103a}",
    ] {
        let analysis = a.analyze(text);
        let mut at = 0;
        for s in analysis.sentences() {
            assert_eq!(s.span().start, at);
            at = s.span().end;
        }
        assert_eq!(at, text.len());
        for (_, t) in found(&a, text) {
            assert!(text.contains(&t));
        }
    }
    // Khmer and Myanmar full stops end a sentence.
    assert_eq!(sentences(&a, "ខ្ញុំរស់នៅភ្នំពេញ។ភ្នំពេញ ជាទីក្រុងធំ").len(), 2);
    assert_eq!(sentences(&a, "ကျွန်တော် ရန်ကုန် မှာ နေတယ်။ ရန်ကုန်မြို့").len(), 2);
    // Delimited by a space or the text's ends: found.
    assert_eq!(found(&a, "กรุงเทพ").len(), 1);
    assert_eq!(found(&a, "ကျွန်တော် ရန်ကုန် မှာ နေတယ်။").len(), 1);
}

#[test]
fn every_language_on_request() {
    // Each of whatlang's languages may be asked for, alone with English or all at once.
    for &l in Lang::all() {
        let a = analyzer("Q380\torganization\tMeta\n", &[l, Lang::English]);
        assert_eq!(found(&a, "Meta. Meta").len(), 2, "{l}");
    }
    let a = analyzer("Q380\torganization\tMeta\n", Lang::all());
    let text = "भारत की राजधानी दिल्ली है। Le tribunal a condamné Meta mardi.";
    let analysis = a.analyze(text);
    assert_eq!(analysis.sentences().len(), 2);
    assert_eq!(analysis.mentions().len(), 1);
}

#[test]
fn georgian() {
    check(&Case {
        langs: &[Lang::Georgian, Lang::English],
        tsv: "Q994\tlocation\tთბილისი\n",
        text: "თბილისი დიდი ქალაქია. მე ვცხოვრობ თბილისი ქალაქში.",
        sentences: &["თბილისი დიდი ქალაქია. ", "მე ვცხოვრობ თბილისი ქალაქში."],
        language: Lang::Georgian,
        names: &["თბილისი", "თბილისი"],
        inside: &["ის თბილისელი ჟურნალისტია."],
    });
}

#[test]
fn korean_words_keep_their_particles() {
    // Hangul is written with spaces between words, and particles are part of the word: a name
    // is found standing alone, not with a particle attached (`서울에`, a documented limit).
    check(&Case {
        langs: &[Lang::Korean, Lang::English],
        tsv: "Q8684\tlocation\t서울\n",
        text: "서울 인구는 많습니다. 저는 서울 시민입니다.",
        sentences: &["서울 인구는 많습니다. ", "저는 서울 시민입니다."],
        language: Lang::Korean,
        names: &["서울", "서울"],
        inside: &["저는 서울에 삽니다.", "서울시청"],
    });
}
