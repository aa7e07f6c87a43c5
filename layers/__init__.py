"""Plans → records → map layers. Uses `geo/` for everything spatial."""
