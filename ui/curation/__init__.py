"""The curation page's Streamlit parts (`pages/curation.py` puts them together).

- `auth`: the sidebar editor login (keeps the `Editor`, never a flag).
- `data`: cached access to the curation store and queue; rebuild after a change.
- `place`: one place: what is known, the plan's words, the map, the form, the history.
- `edit`: the form that saves a place; `history`: its changes and undo.
- `map`: the editors' Leaflet.draw map (no Streamlit, testable alone).
- `files`: export for review, import of a reviewed file.
- `suggestions`: what place sources offer, accept or decline.
"""
