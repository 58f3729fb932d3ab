"""Short forms within a document and one sense per document, from Python."""

from __future__ import annotations

import pickle

import pytest

import nomina

PEOPLE = "Q1\tperson\tReed Hastings\nQ2\tperson\tMax Hastings\nQ3\tperson\tMarco Pietra\nQ8\torganization\tNetflix\n"

AMAZON = (
    '{"id": "Q3783", "kind": "location", "names": ["Amazon", "Amazzonia"]}\n'
    '{"id": "Q3884", "kind": "organization", "names": ["Amazon", "Amazon Prime Video"], "related": ["Q312"]}\n'
    '{"id": "Q312", "kind": "person", "names": ["Jeff Bezos"]}\n'
)


def test_short_forms_are_opt_in() -> None:
    gaz = nomina.Gazetteer.from_tsv(PEOPLE)
    text = "Reed Hastings a quitté Netflix. Selon Hastings, c’était prévu."
    off = nomina.Analyzer(gaz)
    assert off.short_forms == []
    assert [m.text for m in off.analyze(text).mentions] == ["Reed Hastings", "Netflix"]
    on = nomina.Analyzer(gaz, short_forms=["person"])
    assert on.short_forms == ["person"]
    found = [(m.text, m.id, m.match, m.name) for m in on.analyze(text).mentions]
    assert found == [
        ("Reed Hastings", "Q1", "exact", "Reed Hastings"),
        ("Netflix", "Q8", "exact", "Netflix"),
        ("Hastings", "Q1", "short-form", "Reed Hastings"),
    ]
    # Not before the full name, not a lower-case common noun.
    it = "Pietra ha parlato. Marco Pietra ha poi detto che la pietra è di Pietra."
    assert [(m.text, m.match) for m in on.analyze(it).mentions] == [
        ("Marco Pietra", "exact"),
        ("Pietra", "short-form"),
    ]
    # Two Hastings named: the short form carries both.
    en = "Reed Hastings and Max Hastings met. Hastings laughed."
    last = on.analyze(en).mentions[-1]
    assert (last.text, last.candidates, last.match) == ("Hastings", ["Q1", "Q2"], "short-form")
    # The option survives pickling.
    again = pickle.loads(pickle.dumps(on))
    assert again.short_forms == ["person"]
    assert again.analyze(text).mentions[-1].match == "short-form"


def test_context_resolution() -> None:
    gaz = nomina.Gazetteer.from_jsonl(AMAZON)
    an = nomina.Analyzer(gaz)
    assert an.context_resolution
    m = an.analyze("Jeff Bezos ha venduto azioni. Amazon ha perso il 2%.").mentions[-1]
    assert (m.text, m.candidates, m.resolved_by_context) == ("Amazon", ["Q3884", "Q3783"], True)
    assert m.to_dict()["resolved_by_context"] is True
    # Unresolved: gazetteer order, no key.
    m = an.analyze("Amazon annonce des licenciements.").mentions[0]
    assert (m.candidates, m.resolved_by_context) == (["Q3783", "Q3884"], False)
    assert "resolved_by_context" not in m.to_dict()
    off = nomina.Analyzer(gaz, context_resolution=False)
    assert not off.context_resolution
    m = off.analyze("Jeff Bezos ha venduto azioni. Amazon ha perso il 2%.").mentions[-1]
    assert (m.candidates, m.resolved_by_context) == (["Q3783", "Q3884"], False)
    assert not pickle.loads(pickle.dumps(off)).context_resolution


def test_context_resolution_in_arrow_columns() -> None:
    pytest.importorskip("pyarrow")
    an = nomina.Analyzer(nomina.Gazetteer.from_jsonl(AMAZON))
    first = "Jeff Bezos ha venduto azioni. Amazon ha perso il 2%."
    texts = [first, "Amazon annonce des licenciements.", None]
    rows = nomina.analyze_arrow(an, texts).to_pylist()
    assert [m["resolved_by_context"] for m in rows[0]["mentions"]] == [
        m.resolved_by_context for m in an.analyze(first).mentions
    ]
    assert rows[0]["mentions"][-1]["resolved_by_context"] is True
    assert rows[1]["mentions"][0]["resolved_by_context"] is False
    assert rows[2]["mentions"] is None


COMMON = "G1\tlocation\tdi\nG2\tlocation\tIl\nG3\tlocation\tLA\nQ1\torganization\tElle\n"


def test_common_words_guard() -> None:
    text = "Il sindaco di Roma è a LA. Le magazine Elle le dit : Il pleut."
    an = nomina.Analyzer(nomina.Gazetteer.from_tsv(COMMON))
    assert an.common_words
    assert [m.text for m in an.analyze(text).mentions] == ["LA", "Elle"]
    assert an.common_name("location", "di") == "dropped"
    assert an.common_name("location", "Il") == "function-word"
    assert an.common_name("location", "Côme") == "homograph"
    assert an.common_name("location", "Roma") is None
    off = nomina.Analyzer(nomina.Gazetteer.from_tsv(COMMON), common_words=False)
    assert not off.common_words
    assert [m.text for m in off.analyze(text).mentions] == ["Il", "di", "LA", "Elle", "Il"]
    # The option survives pickling.
    again = pickle.loads(pickle.dumps(off))
    assert not again.common_words
    assert len(again.analyze(text).mentions) == 5
