"""Measuring eventwire against gold annotations."""
