#!/usr/bin/python3
"""Writes a random-weight DistilBERT sentiment classifier in the layout of
Xenova/distilbert-base-multilingual-cased-sentiments-student, which transformers.js 4.3.1 loads for
`text-classification`: config.json, tokenizer.json, tokenizer_config.json, special_tokens_map.json
and onnx/model.onnx. Needs Debian's python3-onnx and python3-numpy (run with /usr/bin/python3).

  /usr/bin/python3 models/sentiment-fixture/generate.py                   # the committed test fixture
  /usr/bin/python3 models/sentiment-fixture/generate.py --preset base --out /tmp/distilbert-base-arch
"""
import argparse
import json
import os
import sys

import numpy as np
import onnx
from onnx import helper

HERE = os.path.dirname(os.path.abspath(__file__))
# The Whisper fixture's graph builder and syllables are shared rather than repeated; no __pycache__
# is left in either fixture folder.
sys.dont_write_bytecode = True
sys.path[:0] = [HERE, os.path.join(HERE, "..", "whisper-fixture")]
from sentiment_fixture.distilbert import build_classifier  # noqa: E402
from sentiment_fixture.wordpiece import build_special_tokens_map, build_tokenizer_config, build_tokenizer_json  # noqa: E402

# "fixture" is as small as keeps every shape meaningful; "base" is distilbert-base-multilingual-cased's
# compute (6 layers, 768 wide, 12 heads), for timing only, never committed. Both use the synthetic
# vocabulary: the real one's 119,547 rows would only make a larger Gather table, not more work.
PRESETS = {
    "fixture": dict(dim=32, n_heads=2, n_layers=2, hidden_dim=64, weight_std=0.3),
    "base": dict(dim=768, n_heads=12, n_layers=6, hidden_dim=3072, weight_std=0.02),
}
# The upstream export's label order; callqa reads labels by name, never by index.
ID2LABEL = {0: "positive", 1: "neutral", 2: "negative"}
MAX_POSITIONS = 512
OPSET = 17


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", choices=sorted(PRESETS), default="fixture")
    parser.add_argument("--out", default=os.path.join(HERE, "distilbert-random-fixture"))
    parser.add_argument("--seed", type=int, default=20240611)
    return parser.parse_args()


def build_config(dims, model_id):
    return {
        "_name_or_path": model_id,
        "activation": "gelu",
        "architectures": ["DistilBertForSequenceClassification"],
        "attention_dropout": 0.1,
        "dim": dims["dim"],
        "dropout": 0.1,
        "hidden_dim": dims["hidden_dim"],
        "id2label": {str(index): label for index, label in ID2LABEL.items()},
        "initializer_range": 0.02,
        "label2id": {label: index for index, label in ID2LABEL.items()},
        "max_position_embeddings": MAX_POSITIONS,
        "model_type": "distilbert",
        "n_heads": dims["n_heads"],
        "n_layers": dims["n_layers"],
        "output_past": True,
        "pad_token_id": 0,
        "problem_type": "single_label_classification",
        "qa_dropout": 0.1,
        "seq_classif_dropout": 0.2,
        "sinusoidal_pos_embds": False,
        "tie_weights_": True,
        "torch_dtype": "float32",
        "transformers_version": "4.28.1",
        "vocab_size": dims["vocab_size"],
    }


def save_json(document, path):
    with open(path, "w", encoding="utf-8") as file:
        json.dump(document, file, ensure_ascii=False, indent=None if path.endswith("tokenizer.json") else 2)
        file.write("\n")


def main():
    arguments = parse_arguments()
    tokenizer = build_tokenizer_json()
    vocab_size = max(tokenizer["model"]["vocab"].values()) + 1
    dims = {**PRESETS[arguments.preset], "vocab_size": vocab_size, "max_position_embeddings": MAX_POSITIONS, "num_labels": len(ID2LABEL), "embedding_std": 1.0}
    model_id = f"callqa/{os.path.basename(os.path.normpath(arguments.out))}"
    os.makedirs(os.path.join(arguments.out, "onnx"), exist_ok=True)
    graph = build_classifier(dims, np.random.default_rng(arguments.seed))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="callqa-sentiment-fixture")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(arguments.out, "onnx", "model.onnx"))
    save_json(build_config(dims, model_id), os.path.join(arguments.out, "config.json"))
    save_json(tokenizer, os.path.join(arguments.out, "tokenizer.json"))
    save_json(build_tokenizer_config(MAX_POSITIONS), os.path.join(arguments.out, "tokenizer_config.json"))
    save_json(build_special_tokens_map(), os.path.join(arguments.out, "special_tokens_map.json"))
    print(f"wrote {model_id} ({arguments.preset}, vocabulary {vocab_size}) to {arguments.out}")


if __name__ == "__main__":
    main()
