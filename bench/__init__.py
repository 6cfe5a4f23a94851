"""Benchmarks: `python -m bench` (engine, in process) and `python -m bench.load` (HTTP service)."""
