"""The tokenizer every backend shares: CJK bigrams, identifiers whole, plurals folded."""

import pytest

from search.query import plan_query
from search.synonyms import Synonyms
from search.text import edit_distance, identifier_forms, tokenize


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Methanol 99.85%, CAS 67-56-1, UN 1230", ["methanol", "99", "85", "cas", "67-56-1", "un1230"]),
        ("工业级甲醇", ["工业", "业级", "级甲", "甲醇"]),
        ("醇", ["醇"]),
        ("PVC树脂 SG-5", ["pvc", "树脂", "sg", "5"]),
        ("Метанол, ёмкости", ["метанол", "емкости"]),
        ("LFP cells and batteries in boxes", ["lfp", "cell", "battery", "box"]),
        ("Ｍｅｔｈａｎｏｌ glass", ["methanol", "glass"]),
    ],
)
def test_tokenize(text, tokens):
    assert tokenize(text) == tokens


def test_identifier_forms_cover_what_buyers_type():
    forms = identifier_forms(cas="67-56-1", un="UN1230", hs="2905110000", others=["SKU-001", "LKB 123"])

    assert forms == [
        "67-56-1",
        "un1230",
        "1230",
        "2905",
        "290511",
        "29051100",
        "2905110000",
        "sku-001",
        "lkb123",
    ]


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("methanl", "methanol", 1), ("mehtanol", "methanol", 1), ("metnaol", "methanol", 2), ("pp", "pe", 1)],
)
def test_edit_distance_counts_a_swap_once(a, b, distance):
    assert edit_distance(a, b, 2) == distance


def test_a_plan_puts_a_synonym_groups_phrases_in_one_slot():
    synonyms = Synonyms.from_phrases([["caustic soda", "sodium hydroxide", "NaOH"]])

    plan = plan_query("Sodium hydroxide flakes", synonyms=synonyms)

    alternatives = [[word.typed for word in alternative] for alternative in plan.slots[0]]
    assert alternatives == [["sodium", "hydroxide"], ["caustic", "soda"], ["naoh"]]
    assert [[word.typed for word in alt] for alt in plan.slots[1]] == [["flake"]]
