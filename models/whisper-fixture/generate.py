#!/usr/bin/python3
"""Writes a random-weight Whisper in the onnx-community layout that transformers.js 4.3.1 loads:
config.json, generation_config.json, preprocessor_config.json, tokenizer.json, tokenizer_config.json,
onnx/encoder_model.onnx and onnx/decoder_model_merged.onnx (with cross_attentions.* outputs, as the
`_timestamped` exports have). Needs Debian's python3-onnx and python3-numpy (run with /usr/bin/python3).

  /usr/bin/python3 models/whisper-fixture/generate.py                      # the committed test fixture
  /usr/bin/python3 models/whisper-fixture/generate.py --preset tiny --out /tmp/whisper-tiny-arch
"""
import argparse
import json
import os
import sys

import numpy as np
import onnx
from onnx import helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from whisper_fixture.configs import build_config, build_generation_config, build_preprocessor_config  # noqa: E402
from whisper_fixture.decoder import build_decoder  # noqa: E402
from whisper_fixture.encoder import build_encoder  # noqa: E402
from whisper_fixture.tokenizer import build_tokenizer_config, build_tokenizer_json  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
# Dimensions: "fixture" is as small as keeps every tensor shape meaningful; tiny and base are the real
# architectures (openai/whisper-tiny, -base), for timing only, never committed.
PRESETS = {
    "fixture": dict(d_model=32, heads=2, encoder_layers=1, decoder_layers=2, embedding_dtype="int8"),
    "tiny": dict(d_model=384, heads=6, encoder_layers=4, decoder_layers=4, embedding_dtype="fp32"),
    "base": dict(d_model=512, heads=8, encoder_layers=6, decoder_layers=6, embedding_dtype="fp32"),
}
OPSET = 17


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", choices=sorted(PRESETS), default="fixture")
    parser.add_argument("--out", default=os.path.join(HERE, "whisper-random-fixture"))
    parser.add_argument("--seed", type=int, default=20240605)
    parser.add_argument("--no-cross-attentions", action="store_true", help="export like a non-timestamped model")
    parser.add_argument("--force-language", help="make <|LANG|> win language detection (the step after <|startoftranscript|>)")
    parser.add_argument("--frames-per-token", type=float, help="last layer's cross-attention peaks at this many encoder frames x token position")
    parser.add_argument("--repeat-token", type=int, help="make this token follow every token but <|startoftranscript|> (a degenerate loop)")
    parser.add_argument("--decoder-only", action="store_true", help="write only onnx/decoder_model_merged.onnx (a variant of the fixture)")
    return parser.parse_args()


def dimensions(preset, cross_attentions, out, forced):
    chosen = PRESETS[preset]
    d_model, heads = chosen["d_model"], chosen["heads"]
    return {
        "model_id": f"callqa/{os.path.basename(os.path.normpath(out))}",
        "d_model": d_model,
        "head_dim": d_model // heads,
        "encoder_attention_heads": heads,
        "decoder_attention_heads": heads,
        "encoder_layers": chosen["encoder_layers"],
        "decoder_layers": chosen["decoder_layers"],
        "encoder_ffn_dim": 4 * d_model,
        "decoder_ffn_dim": 4 * d_model,
        "num_mel_bins": 80,
        "vocab_size": 51865,
        "max_source_positions": 1500,
        "max_target_positions": 448,
        "weight_std": 0.5 if preset == "fixture" else 0.02,
        # Wider than init_std so random logits are not flat and greedy decoding varies with the audio.
        "embedding_std": 1.0,
        "embedding_dtype": chosen["embedding_dtype"],
        "cross_attentions": cross_attentions,
        **forced,
    }


def save_model(graph, path):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="callqa-whisper-fixture")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, path)


def save_json(document, path):
    with open(path, "w", encoding="utf-8") as file:
        json.dump(document, file, ensure_ascii=False, indent=None if path.endswith("tokenizer.json") else 2)
        file.write("\n")


def main():
    arguments = parse_arguments()
    with open(os.path.join(HERE, "whisper_fixture", "whisper-special-tokens.json"), encoding="utf-8") as file:
        facts = json.load(file)
    forced = {
        "force_language_id": 50259 + facts["languages"].index(arguments.force_language) if arguments.force_language else None,
        "frames_per_token": arguments.frames_per_token,
        "repeat_token_id": arguments.repeat_token,
    }
    dims = dimensions(arguments.preset, not arguments.no_cross_attentions, arguments.out, forced)
    os.makedirs(os.path.join(arguments.out, "onnx"), exist_ok=True)
    rng = np.random.default_rng(arguments.seed)
    encoder = build_encoder(dims, rng)
    save_model(build_decoder(dims, rng), os.path.join(arguments.out, "onnx", "decoder_model_merged.onnx"))
    if arguments.decoder_only:
        print(f"wrote the decoder of {dims['model_id']} to {arguments.out}")
        return
    save_model(encoder, os.path.join(arguments.out, "onnx", "encoder_model.onnx"))
    save_json(build_config(dims, facts), os.path.join(arguments.out, "config.json"))
    save_json(build_generation_config(dims, facts), os.path.join(arguments.out, "generation_config.json"))
    save_json(build_preprocessor_config(dims), os.path.join(arguments.out, "preprocessor_config.json"))
    save_json(build_tokenizer_json(facts, arguments.seed), os.path.join(arguments.out, "tokenizer.json"))
    save_json(build_tokenizer_config(facts), os.path.join(arguments.out, "tokenizer_config.json"))
    print(f"wrote {dims['model_id']} ({arguments.preset}) to {arguments.out}")


if __name__ == "__main__":
    main()
