"""Provides the reader's widgets."""
