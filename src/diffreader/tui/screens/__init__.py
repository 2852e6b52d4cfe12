"""Provides the reader's screens: corpus, diff and help."""
