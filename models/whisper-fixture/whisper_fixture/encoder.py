"""encoder_model.onnx: log-mel features [batch, 80, 3000] -> last_hidden_state [batch, 1500, d_model]."""
import numpy as np
from onnx import helper

from .graph_builder import FLOAT, GraphBuilder, NameSource, tensor_info


def self_attention(builder, x, dims):
    heads, head_dim, d_model = dims["encoder_attention_heads"], dims["head_dim"], dims["d_model"]
    query = builder.split_heads(builder.linear(x, d_model, d_model, scale=head_dim**-0.5), heads, head_dim)
    key = builder.split_heads(builder.linear(x, d_model, d_model, bias=False), heads, head_dim)
    value = builder.split_heads(builder.linear(x, d_model, d_model), heads, head_dim)
    return builder.linear(builder.merge_heads(builder.attend(query, key, value), d_model), d_model, d_model)


def encoder_layer(builder, x, dims):
    """Pre-norm block as in WhisperEncoderLayer: x + attn(ln(x)), then x + mlp(ln(x))."""
    d_model = dims["d_model"]
    x = builder.op("Add", [x, self_attention(builder, builder.layer_norm(x, d_model), dims)])
    return builder.op("Add", [x, builder.feed_forward(builder.layer_norm(x, d_model), d_model, dims["encoder_ffn_dim"])])


def build_encoder(dims, rng):
    d_model, mel_bins = dims["d_model"], dims["num_mel_bins"]
    builder = GraphBuilder(NameSource(), rng, dims["weight_std"])
    conv1_weight = builder.weight("conv1_weight", (d_model, mel_bins, 3))
    conv1 = builder.op("Conv", ["input_features", conv1_weight, builder.constant("conv1_bias", np.zeros(d_model, np.float32))], pads=[1, 1])
    conv2_weight = builder.weight("conv2_weight", (d_model, d_model, 3))
    conv2 = builder.op(
        "Conv", [builder.gelu(conv1), conv2_weight, builder.constant("conv2_bias", np.zeros(d_model, np.float32))], pads=[1, 1], strides=[2]
    )
    frames = builder.op("Transpose", [builder.gelu(conv2)], perm=[0, 2, 1])
    x = builder.op("Add", [frames, builder.weight("embed_positions", (dims["max_source_positions"], d_model))])
    for _ in range(dims["encoder_layers"]):
        x = encoder_layer(builder, x, dims)
    builder.layer_norm(x, d_model, output="last_hidden_state")
    return helper.make_graph(
        builder.nodes,
        "whisper_encoder",
        [tensor_info("input_features", FLOAT, ["batch_size", "feature_size", "encoder_sequence_length"])],
        [tensor_info("last_hidden_state", FLOAT, ["batch_size", "encoder_sequence_length / 2", d_model])],
        builder.initializers,
    )

