"""Provides ``diffreader scan``: a whole archive grouped into stories, on one machine or a cluster.

The pipeline of the corpus finder (``diffreader.corpus``) as pure stage functions over
plain data, each run on an executor (in-process, a local process pool, or Dask):

1. **features** (``stages.article_features``): load each article, hash its text, extract
   its terms (``corpus.features.extract``); cached by content hash in the results.
2. **candidates** (``stages.link_block``): an inverted index over plain dicts; each task
   takes a run of texts and counts, text by text, the names and figures each shares with
   the later ones; the client scores the pairs sharing enough of them over their rare
   terms (``corpus.rank`` weights), summed by term partition as ever.
3. **verify** (``stages.verify_pairs``): the pair engine's verdict (``corpus.verify``)
   on each candidate, and the comparison (the JSON contract of ``render.to_json``) of
   every rewrite and related story.
4. **stories** (``corpus.stories.group``): stories pivoting on their earliest article.

The results folder (``results``) holds JSON Lines files written append-only, a manifest
``diffreader-scan.json`` with a completion marker per stage, so a scan stopped half-way
continues where it stopped. Dask is imported only by ``scan.dask_executor``, and only
when ``--dask`` asks for it.

API:
    run.run_scan(dirs, out, executor, progress) -> Summary
    executors.make_executor(jobs, dask) -> Executor
    results.is_results(folder), results.read_results(folder) -> Results
"""

from __future__ import annotations
