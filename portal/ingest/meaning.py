"""Which of the agency's sections a heading names, or a paragraph is about, by meaning.

Each section has a profile of word stems: its title, id and aliases (the names), its vocabulary
(from the agency file) and its help text, weighted in that order. A word found in many profiles
counts for little. A heading is scored by the share of its words that a section's profile holds;
a paragraph by how much of each section's profile it uses. Only `other_information`, the fallback,
is never chosen by content.
"""

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from rapidfuzz import fuzz

from portal.agencies import AgencyDefinition
from portal.ingest.headings import normalise
from portal.ingest.naive_bayes import NaiveBayes
from portal.ingest.shorthand import spelt_out

FALLBACK = "other_information"
NAME, VOCABULARY, HELP = 1.0, 0.8, 0.45
OVERLAP_CAP = 0.9  # "The parents", "Health": words of a section's names, but not its name
NEAR_NAME = 0.96  # a name spelt slightly differently
OPENS_WITH_NAME = 0.97  # "Analysis of implications for the child's future": a name, then more words
ENDS_WITH_NAME = 0.9  # "Current Problems", "Significant past medical history": a qualifier, then a name (a hint only)
QUALIFIER_WORDS = 2
HEADINGS_KEPT = 20000  # headings' scores remembered, in a process that reads many PDFs
HEADING_LEARNT = 0.5  # the learnt model's say in what a heading names: a hint, never a name
PHRASE = 2.0  # a phrase from the vocabulary found whole counts this much per word
LEARNT = 0.5  # the learnt model's share in a paragraph's scores; the rest is the vocabulary's
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOPWORDS = frozenset(
    """a about above after again all also am an and any are as at be been before being below between both but by
    can could did do does doing down during each few for from further had has have having he her here hers herself
    him himself his how i if in into is it its itself just me more most my myself no nor not of off on once only or
    other our ours out over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which while who whom why
    will with would you your yours yourself please any describe include give details say""".split()
)
# "not" and "no" carry meaning in "was not brought" and "did not attend": phrases keep them.
_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=20000)
def _stem(word: str) -> str:
    return _stemmer.stemWord(word.removesuffix("'s"))


def stems(text: str, keep_stopwords: bool = False, shorthand: bool = True) -> list[str]:
    """Word stems; clinical shorthand is spelt out first unless `shorthand` is False (a heading's own short form,
    "DNA", is one of the agency's names)."""
    words = WORD.findall((spelt_out(text) if shorthand else text).lower().replace("\u2019", "'"))
    return [_stem(w) for w in words if keep_stopwords or w not in STOPWORDS]


def features(text: str) -> list[str]:
    """The learnt model's view of a text: its stems, the little words too ("will", "was": when it happens
    says much of the section), and its pairs of neighbouring words ("not brought"). Numbers are left out:
    a date or a dose says nothing of the section."""
    every = [w for w in stems(text, keep_stopwords=True) if not w.isdigit()]
    return every + [f"{a} {b}" for a, b in zip(every, every[1:], strict=False)]


@dataclass(frozen=True)
class Scored:
    section: str | None  # None: nothing scored at all
    score: float  # 0..1
    runner_up: str | None
    margin: float  # score minus the runner-up's score
    scores: dict[str, float]


def _best(scores: dict[str, float]) -> Scored:
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] <= 0:
        return Scored(None, 0.0, None, 0.0, scores)
    second = ranked[1] if len(ranked) > 1 else (None, 0.0)
    return Scored(ranked[0][0], ranked[0][1], second[0], ranked[0][1] - second[1], scores)


class SectionMeaning:
    def __init__(self, agency: AgencyDefinition) -> None:
        self.ids = [s.id for s in agency.sections]
        self.holds = {s.id: frozenset(s.holds) for s in agency.sections}
        # sections close to each other: one holds the other, either way round
        self.related = {s.id: frozenset(s.holds) | {o.id for o in agency.sections if s.id in o.holds}
                        for s in agency.sections}
        self._headings: dict[str, Scored] = {}
        self._names: dict[str, str] = {}  # normalised name -> section
        self._weights: dict[str, dict[str, float]] = {}  # section -> stem -> weight
        self._phrases: dict[str, list[tuple[tuple[str, ...], float]]] = {}
        for section in agency.sections:
            weights: dict[str, float] = {}
            phrases: list[tuple[tuple[str, ...], float]] = []

            def add(text: str, weight: float, words_too: bool = True, w: dict[str, float] = weights,
                    p: list = phrases) -> None:
                words = stems(text, keep_stopwords=True, shorthand=False)
                if len(words) > 1:
                    p.append((tuple(words), weight))
                    if not words_too:  # "my name is" says nothing about a heading holding "name"
                        return
                for stem in stems(text, shorthand=False):
                    w[stem] = max(w.get(stem, 0.0), weight)

            for name in (section.title, section.id.replace("_", " "), *section.aliases):
                self._names.setdefault(normalise(name), section.id)
                add(name, NAME)
            for term in section.vocabulary:
                add(term, VOCABULARY, words_too=False)
            add(section.help, HELP)
            self._weights[section.id] = weights
            self._phrases[section.id] = [(p, w) for p, w in phrases if len(p) <= 4]
        df: dict[str, int] = {}
        for weights in self._weights.values():
            for stem in weights:
                df[stem] = df.get(stem, 0) + 1
        n = len(self._weights)
        self._idf = {stem: math.log(1 + n / count) for stem, count in df.items()}
        self._unknown_idf = math.log(1 + n)
        self._longest_names = sorted(self._names, key=len, reverse=True)
        self._learnt = NaiveBayes({
            s.id: [features(t) for t in (s.title, s.help, *s.aliases, *s.vocabulary, *s.examples)]
            for s in agency.sections if s.id != FALLBACK
        })

    def name_match(self, text: str) -> str | None:
        """A heading that is a section's title or alias, or starts with one."""
        key = normalise(text)
        if not key:
            return None
        if key in self._names:
            return self._names[key]
        label, colon, rest = key.partition(":")
        if colon and rest.strip() in self._names:  # "Safety: what is working well": the name after the label is the
            return self._names[rest.strip()]  # narrower one
        for name in self._longest_names:
            if len(name) >= 6 and key.startswith(name) and not key[len(name)].isalnum():
                return self._names[name]
        return None

    def heading(self, text: str) -> Scored:
        """What a heading names or hints at; the same heading is asked about several times while a PDF is read."""
        if (known := self._headings.get(text)) is not None:
            return known
        scored = self._heading(text)
        if len(self._headings) < HEADINGS_KEPT:
            self._headings[text] = scored
        return scored

    def _heading(self, text: str) -> Scored:
        exact = self.name_match(text)
        if exact is not None:
            score = 1.0 if normalise(text) in self._names else OPENS_WITH_NAME
            return Scored(exact, score, None, score, {exact: score})
        key = normalise(text)
        words = stems(key, shorthand=False)
        if not words:
            return Scored(None, 0.0, None, 0.0, {})
        idf = [self._idf.get(w, self._unknown_idf) for w in words]
        total = sum(idf)
        scores: dict[str, float] = {}
        for section, weights in self._weights.items():
            overlap = sum(i * weights.get(w, 0.0) for w, i in zip(words, idf, strict=True)) / total
            scores[section] = OVERLAP_CAP * overlap  # shared words suggest a section; only a name names it
        for name, section in self._names.items():  # spelling variants: "Immunisation", "Vacinations"
            if len(name) >= 5 and fuzz.ratio(key, name) >= 88:
                scores[section] = max(scores[section], NEAR_NAME)
        if (qualified := self._qualified_name(key)) is not None:
            scores[qualified] = max(scores[qualified], ENDS_WITH_NAME)
        for section, p in self._learnt.posterior(features(key)).items():  # "What the practice will do": its words
            scores[section] = max(scores[section], HEADING_LEARNT * p)  # as the section's paragraphs use them
        return _best(scores)

    def _qualified_name(self, key: str) -> str | None:
        """The section whose name ends the heading after a word or two that qualify it ("significant problems")."""
        for name in self._longest_names:
            if len(name) >= 6 and key.endswith(" " + name) \
                    and 1 <= len(key[: -len(name)].split()) <= QUALIFIER_WORDS:
                return self._names[name]
        return None

    def content(self, text: str) -> Scored:
        words = stems(text)
        if not words:
            return Scored(None, 0.0, None, 0.0, {})
        every = stems(text, keep_stopwords=True)
        grams = {tuple(every[i:i + n]) for n in range(2, 5) for i in range(len(every) - n + 1)}
        present = set(words)
        scores: dict[str, float] = {}
        clues: dict[str, int] = {}
        for section, weights in self._weights.items():
            if section == FALLBACK:
                continue
            found = [w for w in present if w in weights]
            evidence = sum(self._idf[w] * weights[w] for w in found)
            phrases = [(p, weight) for p, weight in self._phrases[section] if p in grams]
            evidence += sum(PHRASE * weight * len(p) for p, weight in phrases)
            scores[section] = evidence
            clues[section] = len(found) + 2 * len(phrases)
        total = sum(scores.values())
        learnt_features = features(text)
        learnt = self._learnt.posterior(learnt_features)
        if total <= 0 and not learnt:
            return Scored(None, 0.0, None, 0.0, scores)
        if total > 0:
            best = _best({k: (1 - LEARNT) * v / total + LEARNT * learnt.get(k, 0.0) for k, v in scores.items()})
        else:  # none of the vocabulary's words ("night-time wetting treated with desmopressin"): the learnt model alone
            best = _best({k: learnt.get(k, 0.0) for k in scores})
        enough = best.section is not None and (
            (scores[best.section] >= MIN_EVIDENCE and clues[best.section] >= MIN_CLUES)
            or (len(learnt_features) >= 2 * LEARNT_WORDS and best.score >= LEARNT_SURE)
            or (sum(not w.isdigit() for w in words) >= LONG_WORDS and best.score >= LONG_SURE)
        )
        return Scored(best.section if enough else None, best.score, best.runner_up, best.margin, best.scores)


MIN_EVIDENCE = 3.0  # idf-weighted words: below this a paragraph is too thin to place by content
MIN_CLUES = 2  # and the winning section needs two of its words, or one of its phrases
LEARNT_WORDS, LEARNT_SURE = 8, 0.4  # ...unless a sentence's words as a whole point to it this clearly
LONG_WORDS, LONG_SURE = 12, 0.25  # a paragraph this long is placed where it most likely belongs, for the author to check


@lru_cache(maxsize=32)
def meaning_for(agency: AgencyDefinition) -> SectionMeaning:
    return SectionMeaning(agency)
