"""Words as every backend indexes and queries them: one tokenizer for documents and queries.

PostgreSQL's and SQLite's tokenizers do not segment Chinese (``工业级甲醇`` is one lexeme), so
runs of CJK characters become overlapping character bigrams, as Elasticsearch's ``cjk``
analyzer does; a lone CJK character stays a unigram. Latin words lose a plural ending, so
"cells" finds "cell". Identifiers keep their punctuation: a CAS number is one token
(``67-56-1``) and "UN 1230" becomes ``un1230``.
"""

import re
import unicodedata
from collections.abc import Iterable

# Han, Hiragana, Katakana, Hangul: scripts written without spaces.
_CJK = (
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf"  # CJK Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
)
_CJK_RUN = re.compile(f"[{_CJK}]+")
CAS_PATTERN = re.compile(r"\b(\d{2,7})-(\d{2})-(\d)\b")
UN_PATTERN = re.compile(r"\bun\s?(\d{4})\b")
_IDENTIFIER = re.compile(rf"{CAS_PATTERN.pattern}|{UN_PATTERN.pattern}")
_WORD = re.compile(r"[^\W_]+")

# Words that carry no meaning in a product search; dropped from documents and queries alike.
STOP_WORDS = frozenset(
    "a an and are as at by for from in into is of on or the to with without "
    "и в во для на по с со из от к у о".split()
)
_KEEP_S = ("ss", "us", "is", "os", "as")


def normalize(text: str) -> str:
    """Compatibility forms folded (full-width digits), lower case, ё as е."""
    return unicodedata.normalize("NFKC", text or "").casefold().replace("ё", "е")


def fold_plural(word: str) -> str:
    """English plural to singular, lightly: cells → cell, batteries → battery, boxes → box."""
    if len(word) <= 3 or not word.isascii() or not word.isalpha() or word.endswith(_KEEP_S):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def cjk_bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _word_tokens(chunk: str) -> list[str]:
    tokens = []
    for word in _WORD.findall(chunk):
        position = 0
        # A word may mix scripts ("pvc树脂"): CJK runs become bigrams, the rest stays whole.
        for match in _CJK_RUN.finditer(word):
            if match.start() > position:
                tokens.append(fold_plural(word[position : match.start()]))
            tokens.extend(cjk_bigrams(match.group()))
            position = match.end()
        if position < len(word):
            tokens.append(fold_plural(word[position:]))
    return [token for token in tokens if token not in STOP_WORDS]


def _identifier_token(match: re.Match) -> str:
    if match.group(4):
        return f"un{match.group(4)}"
    return match.group(0)


def tokenize(text: str) -> list[str]:
    """The tokens of ``text`` in order, duplicates kept (queries need the order)."""
    text = normalize(text)
    tokens: list[str] = []
    position = 0
    for match in _IDENTIFIER.finditer(text):
        tokens.extend(_word_tokens(text[position : match.start()]))
        tokens.append(_identifier_token(match))
        position = match.end()
    tokens.extend(_word_tokens(text[position:]))
    return tokens


def unique(tokens: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(token for token in tokens if token))


def padded(tokens: Iterable[str]) -> str:
    """Tokens as stored: space-separated with a space at each end, so `` tok `` is a whole token."""
    words = unique(tokens)
    return f" {' '.join(words)} " if words else " "


def is_cjk(token: str) -> bool:
    return bool(_CJK_RUN.fullmatch(token))


def is_dictionary_word(token: str) -> bool:
    """Words that typo correction may propose: alphabetic, at least four letters, not CJK."""
    return len(token) >= 4 and token.isalpha() and not is_cjk(token)


def identifier_forms(*, cas: str = "", un: str = "", hs: str = "", others: Iterable[str] = ()) -> list[str]:
    """Every form a buyer may type for a product's identifiers.

    A CAS number as written; a UN number as ``un1230`` and ``1230``; an HS code with its
    chapter, heading, subheading and national line (``29``, ``2905``, ``290511``...), so
    "2905" finds heading 2905; SKUs, VINs and UPCs lower-cased.
    """
    forms = []
    if cas:
        forms.append(normalize(cas).strip())
    if un:
        digits = re.sub(r"\D", "", un)
        forms += [f"un{digits}", digits]
    if hs:
        digits = re.sub(r"\D", "", hs)
        forms += [digits[:length] for length in (4, 6, 8, 10) if len(digits) >= length]
    forms += [normalize(value).strip() for value in others if value and value.strip()]
    return unique(form.replace(" ", "") for form in forms)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours counts once); ``limit + 1`` when over."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]


def allowed_typos(word: str) -> int:
    """Like Elasticsearch's ``fuzziness: AUTO``: none up to 3 letters, one up to 7, then two."""
    if len(word) <= 3:
        return 0
    return 1 if len(word) <= 7 else 2
