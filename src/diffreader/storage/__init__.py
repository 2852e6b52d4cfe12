"""Provides what diffreader keeps on disk: paths, the user config, and review sessions.

Never imports textual or rich (checked by import-linter and tests/test_import_hygiene.py).

Modules:
    paths     data_dir(), config_path(), reviews_dir(): lazy, environment first
    config    Config, load_config() -> (Config, messages)
    review    review_items(), ReviewStore, ReviewSession, Mark, summaries for the corpus

Nothing is imported here, so ``import diffreader.storage.paths`` stays cheap.
"""
