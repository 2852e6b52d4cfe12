"""Provides ``python -m diffreader``."""

from __future__ import annotations

from diffreader.cli import main

raise SystemExit(main())
