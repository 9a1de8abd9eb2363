"""Ingest stage: get raw pages from files, standard input and URLs."""
