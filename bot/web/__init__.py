"""The HTTP adapter: JSON API, health, metrics and a read-only knowledge web page."""
