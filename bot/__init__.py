"""Isnad's question-answering and verification pipeline, and its CLI/API/UI."""
