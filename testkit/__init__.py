"""Helpers shared by the browser tests and the benchmarks: start the app on a
free port and drive Debian's Chromium through Playwright, offline."""
