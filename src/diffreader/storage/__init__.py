"""Provides what diffreader keeps on disk: paths, the user config, and review sessions.

Never imports textual or rich (checked by import-linter and tests/test_import_hygiene.py).

Modules:
    paths     data_dir(), config_path(), reviews_dir(): lazy, environment first
    config    Config, load_config() -> (Config, messages)
    files     atomic_write(path, data): the one atomic, durable replace of a file
    review    ReviewStore, ReviewSession, summaries for the corpus: reads and writes the
              pure review model (``diffreader.review``: items, keys, marks)

Nothing is imported here, so ``import diffreader.storage.paths`` stays cheap.
"""
