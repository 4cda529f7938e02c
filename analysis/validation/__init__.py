"""Validation of the scores against human labels (PTC-2020, VADER NYT, the hedging set)."""
