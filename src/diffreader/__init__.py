"""diffreader: see what a rewrite of a news article changed.

The root imports nothing heavy, so ``diffreader --format json`` starts fast.
"""

from __future__ import annotations

__version__ = "0.1.0"
