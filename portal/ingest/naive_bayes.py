"""A multinomial naive Bayes model over word features, one class per section.

Learnt from whatever the agency file says of each section (its names, help text, vocabulary and
example paragraphs), so a paragraph whose words the hand-written vocabulary misses can still be
placed by the words that paragraphs of that section tend to use. Nothing is fetched or stored.
"""

import math
from collections import Counter

SMOOTHING = 0.3  # added to every feature's count in every section
TEMPERATURE = 3.0  # flattens the posterior: many weak word clues must not look like certainty


class NaiveBayes:
    def __init__(self, documents: dict[str, list[list[str]]]) -> None:
        """`documents`: for each section, its training texts as feature lists."""
        counts = {section: Counter(f for features in texts for f in features) for section, texts in documents.items()}
        vocabulary = {f for c in counts.values() for f in c}
        self._known = frozenset(vocabulary)
        self._log: dict[str, dict[str, float]] = {}
        self._unseen: dict[str, float] = {}
        for section, c in counts.items():
            denominator = sum(c.values()) + SMOOTHING * len(vocabulary)
            self._log[section] = {f: math.log((n + SMOOTHING) / denominator) for f, n in c.items()}
            self._unseen[section] = math.log(SMOOTHING / denominator)

    def posterior(self, features: list[str]) -> dict[str, float]:
        """Each section's probability of having produced these features (uniform prior); {} when none is known."""
        known = [f for f in features if f in self._known]
        if not known:
            return {}
        logs = {s: sum(table.get(f, self._unseen[s]) for f in known) for s, table in self._log.items()}
        top = max(logs.values())
        weights = {s: math.exp((v - top) / TEMPERATURE) for s, v in logs.items()}
        total = sum(weights.values())
        return {s: w / total for s, w in weights.items()}
