"""Builds a random-weight DistilBERT sentiment classifier in the Xenova export layout (see generate.py)."""
