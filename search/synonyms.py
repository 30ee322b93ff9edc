"""Synonyms and trade names: operators edit them (SynonymGroup); every backend expands queries.

The expansion happens when a query is planned (search/query.py), so Elasticsearch and the
database backends apply the same groups, and an edit takes effect on the next search.
"""

import functools
from dataclasses import dataclass

from django.core.cache import cache

from search.text import tokenize

CACHE_KEY = "search:synonyms:v1"

# Seeded by migration 0002; operators add and correct groups in the admin.
DEFAULT_SYNONYMS = [
    ("PP, polypropylene, 聚丙烯, полипропилен", "Polymer"),
    ("PE, polyethylene, 聚乙烯, полиэтилен", "Polymer"),
    (
        "caustic soda, sodium hydroxide, NaOH, 烧碱, 氢氧化钠, каустическая сода, гидроксид натрия",
        "Chlor-alkali",
    ),
    ("soda ash, sodium carbonate, Na2CO3, 纯碱, кальцинированная сода", "Chlor-alkali"),
    ("LFP, lithium iron phosphate, LiFePO4, 磷酸铁锂, литий-железо-фосфат", "Battery chemistry"),
    ("NMC, lithium nickel manganese cobalt, ternary lithium, 三元锂", "Battery chemistry"),
    ("PVC resin, polyvinyl chloride, PVC, 聚氯乙烯, ПВХ, поливинилхлорид", "Polymer"),
    ("methanol, methyl alcohol, MeOH, 甲醇, метанол, метиловый спирт", "Coal chemical"),
    ("calcium carbide, CaC2, 电石, 碳化钙, карбид кальция", "Coal chemical"),
    ("ethylene glycol, MEG, monoethylene glycol, 乙二醇, этиленгликоль", "Coal chemical"),
    ("PV module, solar panel, photovoltaic module, 光伏组件, солнечная панель", "New energy"),
    ("electric vehicle, EV, BEV, 电动汽车, электромобиль", "Vehicles"),
    ("cashmere, 羊绒, кашемир", "Textiles"),
    ("spirulina, 螺旋藻, спирулина", "Food"),
    ("licorice, liquorice, glycyrrhiza, 甘草, солодка", "Food"),
]


def seed_synonyms(apps) -> None:
    """Create the default groups that are missing (a data migration and tests call it)."""
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    existing = set(SynonymGroup.objects.values_list("terms", flat=True))
    SynonymGroup.objects.bulk_create(
        SynonymGroup(terms=terms, note=note) for terms, note in DEFAULT_SYNONYMS if terms not in existing
    )


@dataclass(frozen=True)
class Synonyms:
    """Groups of phrases as token tuples, looked up by a phrase's first token."""

    groups: tuple[tuple[tuple[str, ...], ...], ...]

    @classmethod
    def from_phrases(cls, groups: list[list[str]]) -> "Synonyms":
        tokenized = []
        for phrases in groups:
            token_phrases = tuple(dict.fromkeys(tuple(tokenize(phrase)) for phrase in phrases))
            token_phrases = tuple(phrase for phrase in token_phrases if phrase)
            if len(token_phrases) > 1:
                tokenized.append(token_phrases)
        return cls(tuple(tokenized))

    def longest_match(self, tokens: list[str], start: int) -> tuple[int, tuple[tuple[str, ...], ...]]:
        """The longest phrase of any group at ``tokens[start:]``: (its length, the group)."""
        best: tuple[int, tuple[tuple[str, ...], ...]] = (0, ())
        for group in self.groups:
            for phrase in group:
                if len(phrase) > best[0] and tuple(tokens[start : start + len(phrase)]) == phrase:
                    best = (len(phrase), group)
        return best

    @functools.cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every token of every phrase: words the typo correction must leave alone."""
        return frozenset(token for group in self.groups for phrase in group for token in phrase)


@functools.lru_cache(maxsize=4)
def _compiled(groups: tuple[tuple[str, ...], ...]) -> Synonyms:
    # Tokenizing every phrase costs milliseconds; the groups change only when operators edit them.
    return Synonyms.from_phrases([list(phrases) for phrases in groups])


def active_synonyms() -> Synonyms:
    """The operators' groups, cached until one changes (search/signals.py clears the cache)."""
    groups = cache.get(CACHE_KEY)
    if groups is None:
        from search.models import SynonymGroup

        groups = [group.phrases for group in SynonymGroup.objects.filter(is_active=True)]
        cache.set(CACHE_KEY, groups, 60 * 60)
    return _compiled(tuple(tuple(phrases) for phrases in groups))


def forget_synonyms() -> None:
    cache.delete(CACHE_KEY)
