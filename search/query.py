"""A buyer's words turned into what every backend matches: synonyms and typo fixes applied.

A plan is an AND of slots; a slot is an OR of alternatives (a word, or a synonym group's
phrases); an alternative is an AND of words; a word matches any of its forms (the word as
typed, or the dictionary words it is a typo of). Identifiers are matched whole besides.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from search.synonyms import Synonyms
from search.text import allowed_typos, is_dictionary_word, normalize, tokenize


@dataclass(frozen=True)
class Word:
    typed: str
    forms: tuple[str, ...]

    @property
    def corrected(self) -> bool:
        return self.forms != (self.typed,)


Alternative = tuple[Word, ...]
Slot = tuple[Alternative, ...]


@dataclass(frozen=True)
class QueryPlan:
    text: str
    slots: tuple[Slot, ...] = ()
    identifiers: tuple[str, ...] = ()
    corrections: dict[str, str] = field(default_factory=dict)  # typed word → the fix used first

    @property
    def is_empty(self) -> bool:
        return not self.slots and not self.identifiers

    @property
    def corrected_text(self) -> str:
        """The query with its typos fixed ("polypropylen" → "polypropylene"), for the page."""
        text = normalize(self.text)
        for typed, fixed in self.corrections.items():
            text = re.sub(rf"\b{re.escape(typed)}\b", fixed, text)
        return text

    def words(self) -> Iterator[Word]:
        for slot in self.slots:
            for alternative in slot:
                yield from alternative


class TermDictionary(Protocol):
    """The indexed words, for typo correction."""

    def known(self, words: set[str]) -> set[str]: ...

    def corrections(self, word: str, max_distance: int) -> list[str]:
        """Dictionary words within ``max_distance`` edits of ``word``, closest and commonest first."""
        ...


def identifier_candidates(text: str) -> tuple[str, ...]:
    """Whole identifiers a buyer may have typed: SKU-0042, 67-56-1, 2905, the query as one word."""
    raw = normalize(text)
    words = [word.strip(".,;:()[]{}\"'") for word in re.split(r"[\s,;]+", raw)]
    words.append(re.sub(r"\s+", "", raw))
    return tuple(
        dict.fromkeys(word for word in words if len(word) >= 3 and any(char.isdigit() for char in word))
    )


def _words(tokens: list[str], dictionary: TermDictionary | None) -> tuple[list[Word], dict[str, str]]:
    candidates = {token for token in tokens if is_dictionary_word(token) and allowed_typos(token)}
    known = dictionary.known(candidates) if dictionary and candidates else candidates
    words, corrections = [], {}
    for token in tokens:
        forms: tuple[str, ...] = (token,)
        if token in candidates and token not in known and dictionary is not None:
            fixes = dictionary.corrections(token, allowed_typos(token))[:3]
            if fixes:
                forms = tuple(fixes)
                corrections[token] = fixes[0]
        words.append(Word(token, forms))
    return words, corrections


def plan_query(text: str, *, synonyms: Synonyms, dictionary: TermDictionary | None = None) -> QueryPlan:
    """Plan ``text``; without a dictionary (Elasticsearch corrects typos itself) no fixes are made."""
    tokens = tokenize(text)
    words, corrections = _words(tokens, dictionary)
    primary = [word.forms[0] for word in words]
    slots: list[Slot] = []
    position = 0
    while position < len(words):
        length, group = synonyms.longest_match(primary, position)
        if not length:
            slots.append(((words[position],),))
            position += 1
            continue
        typed: Alternative = tuple(words[position : position + length])
        others = tuple(
            tuple(Word(token, (token,)) for token in phrase)
            for phrase in group
            if phrase != tuple(primary[position : position + length])
        )
        slots.append((typed, *others))
        position += length
    return QueryPlan(
        text=text, slots=tuple(slots), identifiers=identifier_candidates(text), corrections=corrections
    )
