"""SyllableField: each field takes its term form from one shared analysis of the document.

What it hands Whoosh is checked against its own tokenizer, and on a real index in tmp_path.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import ID, Schema
from whoosh.formats import Existence, Frequency, Positions
from whoosh.query import Phrase, Term
from whoosh.system import unpack_uint

from index.storage.fields import SyllableField
from index.text.terms import EXACT, FOLDED, SHINGLE, TermForm

TEXT = "Hoà bình, hòa bình và Hà Nội. Hà Nội!"


@pytest.mark.parametrize(
    ("form", "terms"),
    [
        (FOLDED, ["hoa", "binh", "hoa", "binh", "va", "ha", "noi", "ha", "noi"]),
        (EXACT, ["hòa", "bình", "hòa", "bình", "và", "hà", "nội", "hà", "nội"]),
        (SHINGLE, ["hoa binh", "hoa binh", "binh va", "va ha", "ha noi", "ha noi"]),
    ],
)
def test_each_form_indexes_what_its_tokenizer_gives_a_query(
    form: TermForm, terms: list[str]
) -> None:
    field = SyllableField(form, phrase=False)
    assert Counter(field.distinct_terms(TEXT)) == Counter(terms)
    assert [token.text for token in field.analyzer(TEXT)] == terms  # what queries are cut into


def test_a_weighted_field_gives_counts_and_an_unweighted_one_a_set() -> None:
    weighted = SyllableField(FOLDED, phrase=False)
    unweighted = SyllableField(EXACT, phrase=False, weighted=False)
    assert type(weighted.format) is Frequency and weighted.scorable
    assert type(unweighted.format) is Existence and not unweighted.scorable
    assert weighted.distinct_terms(TEXT) == Counter(
        {"hoa": 2, "binh": 2, "va": 1, "ha": 2, "noi": 2}
    )
    assert unweighted.distinct_terms(TEXT) == {"hòa", "bình", "và", "hà", "nội"}


def test_index_gives_whoosh_its_term_frequency_weight_and_value() -> None:
    weighted = dict((t, rest) for t, *rest in SyllableField(FOLDED, phrase=False).index(TEXT))
    freq, weight, value = weighted[b"hoa"]
    assert (freq, weight, unpack_uint(value)[0]) == (2, 2.0, 2)
    unweighted = list(SyllableField(EXACT, phrase=False, weighted=False).index(TEXT))
    assert ("nội".encode(), 1, 1.0, b"") in unweighted
    assert len(unweighted) == 5  # each distinct term once


def test_a_phrase_field_records_positions() -> None:
    field = SyllableField(FOLDED, phrase=True)
    assert isinstance(field.format, Positions)
    postings = {term: value for term, _, _, value in field.index(TEXT)}
    assert field.format.decode_positions(postings[b"noi"]) == [6, 8]
    assert field.format.decode_positions(postings[b"hoa"]) == [0, 2]


def test_a_real_index_finds_phrases_and_exact_forms(tmp_path: Path) -> None:
    schema = Schema(
        path=ID(stored=True),
        title=SyllableField(FOLDED, phrase=True, stored=True),
        body_exact=SyllableField(EXACT, phrase=False, weighted=False),
    )
    ix = whoosh_index.create_in(str(tmp_path), schema)
    writer = ix.writer()
    writer.add_document(path="1", title="Người dân Hà Nội", body_exact="Người dân Hà Nội")
    writer.add_document(path="2", title="Nội dung: Hà Giang", body_exact="Nội dung Hà Giang")
    writer.commit()
    with ix.searcher() as searcher:
        found = searcher.search(Phrase("title", ["ha", "noi"]))
        assert [hit["path"] for hit in found] == ["1"]
        assert [hit["title"] for hit in found] == ["Người dân Hà Nội"]  # stored as written
        found = searcher.search(Term("body_exact", "nội"))
        assert sorted(hit["path"] for hit in found) == ["1", "2"]
        assert len(searcher.search(Term("body_exact", "noi"))) == 0
