"""Streamlit helpers shared by `app.py` and `pages/` (the Streamlit-free words and maps are in `view/`)."""
