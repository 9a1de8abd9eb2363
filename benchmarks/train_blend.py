"""Learn the block blender's weights (src/retina/clean/blend_weights.json).

Only the tune split of each development corpus is read (`scoring.split_of`: sha256 of the
page id, 30 of every 100); `make bench-extract` reports both splits, so the test split shows
how the weights generalise. Block labels:

- trafilatura-eval: a block holding a `with` snippet (and no `without` one) is main text, a
  block holding a `without` snippet (and no `with` one) is not; other blocks are unlabelled;
- mozilla-readability, newspaper4k: a block of four or more words is main text when at least
  half of its word 4-grams occur in the expected text.

The model is a logistic regression (scikit-learn, a `bench` extra): a handful of weights
that `blend.py` applies without any dependency.

    .venv/bin/python benchmarks/train_blend.py [--output PATH]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import extraction
import scoring
from retina.clean.blend import FEATURES, features, merge, split_like
from retina.clean.html import blends, engine_blocks, link_texts, parse_tree
from retina.errors import RetinaError
from retina.raw.decode import decode

OUTPUT = extraction.ROOT / "src" / "retina" / "clean" / "blend_weights.json"
CORPUS_WEIGHT = {"trafilatura-eval": 1.0, "mozilla-readability": 0.3, "newspaper4k": 0.3}
"""mozilla-readability's reference is Readability.js's own output, so it would teach the
model to trust that engine blindly; human-made snippets weigh more."""
SHINGLE = 4


def page_blocks(page: extraction.Page) -> tuple[list, list[list[float]]] | None:
    """The merged blocks and their feature rows, when the page would be blended."""
    try:
        tree = parse_tree(decode(page.raw).text)
    except RetinaError:
        return None
    links = link_texts(tree)
    extracted, readable, _ = engine_blocks(tree, page.url)
    if not blends(extracted, readable):
        return None
    blocks = merge(split_like(extracted, readable), readable)
    return blocks, features(blocks, links)


def labels(page: extraction.Page, texts: list[str]) -> list[int | None]:
    if page.snippets is not None:
        with_, without = page.snippets
        result: list[int | None] = []
        for text in texts:
            block = scoring.normalize_space(text)
            good = any(scoring.normalize_space(s) in block for s in with_)
            bad = any(scoring.normalize_space(s) in block for s in without)
            result.append(1 if good and not bad else 0 if bad and not good else None)
        return result
    reference = scoring.tokenize(page.reference or "")
    expected = {tuple(reference[k : k + SHINGLE]) for k in range(len(reference) - SHINGLE + 1)}
    result = []
    for text in texts:
        tokens = scoring.tokenize(text)
        grams = [tuple(tokens[k : k + SHINGLE]) for k in range(len(tokens) - SHINGLE + 1)]
        result.append(
            None if not grams else int(sum(g in expected for g in grams) * 2 >= len(grams))
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    from sklearn import __version__ as sklearn_version
    from sklearn.linear_model import LogisticRegression

    rows, targets, weights, pages = [], [], [], {}
    for name, weight in CORPUS_WEIGHT.items():
        corpus = extraction.load_corpus(name, extraction.DATA, None)
        if isinstance(corpus, str):
            raise SystemExit(f"{name}: {corpus}")
        tune = [p for p in corpus.pages if p.split == "tune"]
        pages[name] = len(tune)
        for page in tune:
            found = page_blocks(page)
            if found is None:
                continue
            blocks, feature_rows = found
            texts = [b.candidate.text for b in blocks]
            for row, label in zip(feature_rows, labels(page, texts), strict=True):
                if label is not None:
                    rows.append(row)
                    targets.append(label)
                    weights.append(weight)
    model = LogisticRegression(max_iter=5000, C=1.0)
    model.fit(rows, targets, sample_weight=weights)
    result = {
        "features": list(FEATURES),
        "intercept": round(float(model.intercept_[0]), 6),
        "coefficients": [round(float(w), 6) for w in model.coef_[0]],
        "trained_on": {
            "split": "tune (scoring.split_of)",
            "pages": pages,
            "labelled_blocks": len(targets),
            "corpus_weights": CORPUS_WEIGHT,
            "model": f"scikit-learn {sklearn_version} LogisticRegression(C=1.0)",
        },
    }
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(targets)} labelled blocks from {sum(pages.values())} pages")


if __name__ == "__main__":
    main()
