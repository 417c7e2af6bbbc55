"""Benchmarks for Loket's core. Each module is a script; see its docstring."""
