#!/usr/bin/python3
"""Writes a random-weight NeMo transducer (TDT) in the layout sherpa-onnx's `nemo_transducer` recognizer
loads, as its Parakeet TDT and GigaAM exports have it: encoder.onnx (audio_signal [B, feat, T] + length ->
outputs [B, D, T/8] + encoded_lengths, with the metadata sherpa-onnx reads), decoder.onnx (LSTM prediction
network: targets, target_length, states.1, onnx::Slice_3 -> outputs, prednet_lengths, states), joiner.onnx
(encoder frame + decoder state -> token logits then duration logits) and tokens.txt (<blk> last).
Needs Debian's python3-onnx and python3-numpy (run with /usr/bin/python3).

  /usr/bin/python3 models/transducer-fixture/generate.py --out /tmp/tdt-fixture             # the test fixture
  /usr/bin/python3 models/transducer-fixture/generate.py --preset parakeet --out /tmp/tdt   # Parakeet TDT 0.6B compute, for the bench
"""
import argparse
import os
import sys

import numpy as np
import onnx
from onnx import helper

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "whisper-fixture"))
from whisper_fixture.graph_builder import FLOAT, INT32, INT64, GraphBuilder, NameSource, tensor_info  # noqa: E402

# "fixture" is as small as keeps every shape meaningful; "parakeet" has Parakeet TDT 0.6B's compute in
# the encoder (24 blocks of d_model 1024, 8 heads, macaron feed-forward 4096, depthwise conv 9) and its
# prediction network (2 LSTM layers of 640), with plain transformer-style blocks standing in for
# FastConformer's, and an 8,192-token vocabulary; timing only, never committed.
PRESETS = {
    "fixture": dict(feat_dim=80, d_model=32, heads=2, layers=1, ffn=64, conv_kernel=3, pred_hidden=16, pred_layers=1, joint=16, vocab=64),
    "parakeet": dict(feat_dim=128, d_model=1024, heads=8, layers=24, ffn=4096, conv_kernel=9, pred_hidden=640, pred_layers=2, joint=640, vocab=8192),
}
DURATIONS = [0, 1, 2, 3, 4]
SUBSAMPLING = 8
OPSET = 17


def save_model(graph, path, metadata=None):
    """Weights past protobuf's 2 GB limit go to `<name>.data` beside the model, as NeMo's fp32
    Parakeet export does; sherpa-onnx opens the encoder by path, so onnxruntime finds them."""
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="callqa-transducer-fixture")
    model.ir_version = 8
    for key, value in (metadata or {}).items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, str(value)
    large = sum(initializer.ByteSize() for initializer in graph.initializer) > 1 << 30
    onnx.save(model, path, save_as_external_data=large, all_tensors_to_one_file=True, location=os.path.basename(path) + ".data")
    onnx.checker.check_model(path)


def encoder_block(builder, x, dims):
    """Pre-norm block: half feed-forward, self-attention, depthwise convolution over time, half feed-forward."""
    d_model, heads = dims["d_model"], dims["heads"]
    half = builder.constant("half", np.float32(0.5))
    x = builder.op("Add", [x, builder.op("Mul", [builder.feed_forward(builder.layer_norm(x, d_model), d_model, dims["ffn"]), half])])
    hidden = builder.layer_norm(x, d_model)
    split = lambda projected: builder.split_heads(projected, heads, d_model // heads)
    query = split(builder.linear(hidden, d_model, d_model, scale=(d_model // heads) ** -0.5))
    attended = builder.attend(query, split(builder.linear(hidden, d_model, d_model)), split(builder.linear(hidden, d_model, d_model)))
    x = builder.op("Add", [x, builder.linear(builder.merge_heads(attended, d_model), d_model, d_model)])
    channels_first = builder.op("Transpose", [builder.layer_norm(x, d_model)], perm=[0, 2, 1])
    kernel = dims["conv_kernel"]
    convolved = builder.op("Conv", [channels_first, builder.weight("depthwise", (d_model, 1, kernel))], group=d_model, pads=[kernel // 2, kernel // 2])
    x = builder.op("Add", [x, builder.op("Transpose", [convolved], perm=[0, 2, 1])])
    return builder.op("Add", [x, builder.op("Mul", [builder.feed_forward(builder.layer_norm(x, d_model), d_model, dims["ffn"]), half])])


def build_encoder(dims, rng):
    builder = GraphBuilder(NameSource(), rng, dims["weight_std"])
    d_model = dims["d_model"]
    # 8x subsampling in one strided convolution (FastConformer uses three stride-2 ones).
    frames = builder.op("Conv", ["audio_signal", builder.weight("subsampling", (d_model, dims["feat_dim"], SUBSAMPLING))], strides=[SUBSAMPLING])
    x = builder.op("Transpose", [frames], perm=[0, 2, 1])
    for _ in range(dims["layers"]):
        x = encoder_block(builder, x, dims)
    builder.op("Transpose", [builder.layer_norm(x, d_model)], outputs=["outputs"], perm=[0, 2, 1])
    builder.op("Div", ["length", builder.constant("subsampling_factor", np.array(SUBSAMPLING, np.int64))], outputs=["encoded_lengths"])
    return helper.make_graph(
        builder.nodes,
        "transducer_encoder",
        [tensor_info("audio_signal", FLOAT, ["batch", dims["feat_dim"], "frames"]), tensor_info("length", INT64, ["batch"])],
        [tensor_info("outputs", FLOAT, ["batch", d_model, "encoded_frames"]), tensor_info("encoded_lengths", INT64, ["batch"])],
        builder.initializers,
    )


def build_decoder(dims, rng):
    """Embedding, then stacked single-direction LSTMs whose (h, c) states come in and go out as [layers, B, H]."""
    builder = GraphBuilder(NameSource(), rng, dims["weight_std"])
    hidden, layers = dims["pred_hidden"], dims["pred_layers"]
    index = lambda values: builder.constant("index", np.array(values, np.int64))
    embedded = builder.op("Gather", [builder.weight("embedding", (dims["vocab"] + 1, hidden)), builder.op("Cast", ["targets"], to=INT64)])
    x = builder.op("Transpose", [embedded], perm=[1, 0, 2])
    hs, cs = [], []
    for layer in range(layers):
        h0 = builder.op("Slice", ["states.1", index([layer]), index([layer + 1]), index([0])])
        c0 = builder.op("Slice", ["onnx::Slice_3", index([layer]), index([layer + 1]), index([0])])
        weights = builder.weight("lstm_w", (1, 4 * hidden, hidden))
        recurrent = builder.weight("lstm_r", (1, 4 * hidden, hidden))
        y, h, c = builder.op("LSTM", [x, weights, recurrent, "", "", h0, c0], outputs=3, hidden_size=hidden)
        x = builder.op("Squeeze", [y, index([1])])
        hs.append(h)
        cs.append(c)
    builder.op("Transpose", [x], outputs=["outputs"], perm=[1, 2, 0])
    builder.op("Identity", ["target_length"], outputs=["prednet_lengths"])
    builder.op("Concat", hs, outputs=["states"], axis=0)
    builder.op("Concat", cs, outputs=["162"], axis=0)
    state = lambda name: tensor_info(name, FLOAT, [layers, "batch", hidden])
    return helper.make_graph(
        builder.nodes,
        "transducer_decoder",
        [tensor_info("targets", INT32, ["batch", 1]), tensor_info("target_length", INT32, ["batch"]), state("states.1"), state("onnx::Slice_3")],
        [tensor_info("outputs", FLOAT, ["batch", hidden, 1]), tensor_info("prednet_lengths", INT32, ["batch"]), state("states"), state("162")],
        builder.initializers,
    )


def build_joiner(dims, rng):
    builder = GraphBuilder(NameSource(), rng, dims["weight_std"])
    outputs = dims["vocab"] + 1 + len(DURATIONS)
    encoder = builder.linear(builder.op("Transpose", ["encoder_outputs"], perm=[0, 2, 1]), dims["d_model"], dims["joint"])
    decoder = builder.linear(builder.op("Transpose", ["decoder_outputs"], perm=[0, 2, 1]), dims["pred_hidden"], dims["joint"])
    joint = builder.op("Relu", [builder.op("Add", [builder.op("Unsqueeze", [encoder, builder.constant("axis", np.array([2], np.int64))]), builder.op("Unsqueeze", [decoder, builder.constant("axis", np.array([1], np.int64))])])])
    builder.op("Identity", [builder.linear(joint, dims["joint"], outputs)], outputs=["outputs"])
    return helper.make_graph(
        builder.nodes,
        "transducer_joiner",
        [tensor_info("encoder_outputs", FLOAT, ["batch", dims["d_model"], 1]), tensor_info("decoder_outputs", FLOAT, ["batch", dims["pred_hidden"], 1])],
        # The last dimension must be static: sherpa-onnx reads it to tell a TDT joiner (tokens + durations) from a plain one.
        [tensor_info("outputs", FLOAT, ["batch", 1, 1, outputs])],
        builder.initializers,
    )


def token_pieces(count, rng):
    """SentencePiece-style pieces: '▁' starts a word. Letters from en/ru/hu so every script is exercised."""
    letters = list("abcdefghijklmnoprstuvzáéöőüű") + list("абвгдеклмнопрстуя")
    pieces, seen = [], set()
    while len(pieces) < count:
        body = "".join(rng.choice(letters, size=rng.integers(1, 4)))
        piece = ("▁" if rng.random() < 0.5 else "") + body
        if piece not in seen:
            seen.add(piece)
            pieces.append(piece)
    return pieces


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", choices=sorted(PRESETS), default="fixture")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=20240605)
    arguments = parser.parse_args()
    dims = dict(PRESETS[arguments.preset], weight_std=0.5 if arguments.preset == "fixture" else 0.02)
    rng = np.random.default_rng(arguments.seed)
    os.makedirs(arguments.out, exist_ok=True)
    metadata = {
        "vocab_size": dims["vocab"],
        "normalize_type": "per_feature",
        "pred_rnn_layers": dims["pred_layers"],
        "pred_hidden": dims["pred_hidden"],
        "subsampling_factor": SUBSAMPLING,
        "model_type": "EncDecRNNTBPEModel",
        "version": "2",
        "model_author": "callqa (random weights)",
        # sherpa-onnx treats a model as TDT when its url names "tdt".
        "url": "https://callqa.invalid/random-parakeet-tdt-layout",
        "feat_dim": dims["feat_dim"],
    }
    save_model(build_encoder(dims, rng), os.path.join(arguments.out, "encoder.onnx"), metadata)
    save_model(build_decoder(dims, rng), os.path.join(arguments.out, "decoder.onnx"))
    save_model(build_joiner(dims, rng), os.path.join(arguments.out, "joiner.onnx"))
    with open(os.path.join(arguments.out, "tokens.txt"), "w", encoding="utf-8") as file:
        pieces = token_pieces(dims["vocab"], rng)
        file.writelines(f"{piece} {index}\n" for index, piece in enumerate(["<unk>", *pieces[1:]]))
        file.write(f"<blk> {dims['vocab']}\n")
    print(f"wrote a random {arguments.preset} NeMo TDT transducer to {arguments.out}")


if __name__ == "__main__":
    main()
