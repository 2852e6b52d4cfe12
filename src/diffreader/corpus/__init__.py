"""Provides finding the rewrites of an article in a corpus (pure: the engine only).

Never touches the disk beyond what the engine's loader reads; the persistent index that
feeds it lives in ``diffreader.storage.corpus_index``.

API:
    features.extract(doc) -> Features         names, figures, quotation n-grams, rare words,
                                              sentence hashes; title, date, word count
    rank.rank(query, postings, n)             IDF-weighted ranking over shared terms
    verify.verify(a, b) -> Check              the pair engine's verdict: rewrite/related/unrelated
    stories.group(order, neighbours, check)   stories pivoting on their earliest article
"""

from __future__ import annotations
