"""Streamlit-free: words and drawings for the UI.

Modules here build what the app shows (links, text, map payloads) from plain
values and built layers. They never import `streamlit` or `ui/`, so the CLI,
tests and benchmarks can use them.
"""
