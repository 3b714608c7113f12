"""Whether a word is an ordinary English word: lower case in Webster's list (`english-words`, with
plural, -ing, -ed and British -ise forms), and how frequent it is (`wordfreq`). Both lists ship
inside their packages and load without a network."""

from functools import lru_cache

from wordfreq import zipf_frequency


@lru_cache(maxsize=1)
def _webster() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower())


INFLECTIONS = (("isations", "ization"), ("isation", "ization"), ("ised", "ize"), ("ises", "ize"), ("ise", "ize"), ("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ed", ""), ("ed", "e"), ("ing", "e"))


@lru_cache(maxsize=200_000)
def is_dictionary_word(lower: str) -> bool:
    """An ordinary English word: lower case in Webster's word list, or a plural, -ing, -ed or British -ise form of one."""
    words = _webster()
    return lower in words or any(lower.endswith(end) and lower[: len(lower) - len(end)] + new in words for end, new in INFLECTIONS)


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency: log10 of uses per billion words of English."""
    return zipf_frequency(word, "en")
