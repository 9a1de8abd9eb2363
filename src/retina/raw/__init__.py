"""Raw input from outside, before any stage reads it: bytes decoded to text (`decode.py`)
and markup crowded with attributes refused before a parser sees it (`crowded.py`).

Both the ingest stage (feeds, pages read for their feed links, HTTP bodies) and the clean
stage (pages) need them, so they sit below both, as `url_parts.py` does.
"""
