"""App-side helpers shared by `app.py` and `pages/`: assets, maps, caching, texts."""
