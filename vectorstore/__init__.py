"""Turning articles into searchable chunks: loading, chunking, embedding, storing, indexing."""
