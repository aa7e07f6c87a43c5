"""Places and geometry: coordinate systems, boundaries, gazetteer, geocoding.

Nothing here knows about plans or Streamlit, so the CLI, tests and benchmarks
can use it alone.
"""
