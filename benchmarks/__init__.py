"""Benchmarks: throughput against a baseline measured in the same run (`python -m benchmarks`).

Speed is never asserted in unit tests; it is measured here, where the numbers are
printed next to a baseline so that a slower machine shows the same ratios.
"""
