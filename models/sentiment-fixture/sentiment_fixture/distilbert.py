"""onnx/model.onnx of DistilBertForSequenceClassification: input_ids and attention_mask (int64,
[batch, sequence]) -> logits [batch, labels], computed as Hugging Face's modelling code does:
word + learned position embeddings, post-norm blocks (attention, then GELU feed-forward, each
added back and layer-normed), the [CLS] state through pre_classifier, ReLU and classifier."""
import numpy as np
from onnx import helper

from whisper_fixture.graph_builder import FLOAT, INT64, GraphBuilder, NameSource, tensor_info

# DistilBERT's LayerNorm epsilon; the shared GraphBuilder.layer_norm is fixed at Whisper's 1e-5.
LAYER_NORM_EPSILON = 1e-12


def layer_norm(builder, x, width):
    gamma = builder.constant("ln_gamma", np.ones(width, np.float32))
    beta = builder.constant("ln_beta", np.zeros(width, np.float32))
    return builder.op("LayerNormalization", [x, gamma, beta], axis=-1, epsilon=LAYER_NORM_EPSILON)


def embeddings(builder, dims):
    """Token rows plus the learned position rows for 0..sequence-1 (right padding keeps positions)."""
    words = builder.op("Gather", [builder.weight("word_embeddings", (dims["vocab_size"], dims["dim"]), dims["embedding_std"]), "input_ids"])
    length = builder.op("Gather", [builder.op("Shape", ["input_ids"]), builder.constant("axis_1", np.int64(1))])
    positions = builder.op("Range", [builder.constant("zero", np.int64(0)), length, builder.constant("one", np.int64(1))])
    position_rows = builder.op("Gather", [builder.weight("position_embeddings", (dims["max_position_embeddings"], dims["dim"]), dims["embedding_std"]), positions])
    return layer_norm(builder, builder.op("Add", [words, position_rows]), dims["dim"])


def attention_bias(builder):
    """0 where attention_mask is 1, a large negative number where it is 0 (padding), as [batch, 1, 1, key]."""
    mask = builder.op("Cast", ["attention_mask"], to=FLOAT)
    masked = builder.op("Sub", [builder.constant("one_f", np.float32(1.0)), mask])
    bias = builder.op("Mul", [masked, builder.constant("mask_value", np.float32(np.finfo(np.float32).min))])
    return builder.op("Unsqueeze", [bias, builder.constant("bias_axes", np.array([1, 2], np.int64))])


def transformer_block(builder, x, bias, dims):
    dim, heads = dims["dim"], dims["n_heads"]
    head_dim = dim // heads
    query = builder.split_heads(builder.linear(x, dim, dim, scale=head_dim**-0.5), heads, head_dim)
    key = builder.split_heads(builder.linear(x, dim, dim), heads, head_dim)
    value = builder.split_heads(builder.linear(x, dim, dim), heads, head_dim)
    attended = builder.linear(builder.merge_heads(builder.attend(query, key, value, mask=bias), dim), dim, dim)
    x = layer_norm(builder, builder.op("Add", [attended, x]), dim)
    return layer_norm(builder, builder.op("Add", [builder.feed_forward(x, dim, dims["hidden_dim"]), x]), dim)


def build_classifier(dims, rng):
    builder = GraphBuilder(NameSource(), rng, dims["weight_std"])
    x = embeddings(builder, dims)
    bias = attention_bias(builder)
    for _ in range(dims["n_layers"]):
        x = transformer_block(builder, x, bias, dims)
    first_token = builder.op("Gather", [x, builder.constant("cls_index", np.int64(0))], axis=1)
    pooled = builder.op("Relu", [builder.linear(first_token, dims["dim"], dims["dim"])])
    logits = builder.linear(pooled, dims["dim"], dims["num_labels"])
    builder.op("Identity", [logits], outputs=["logits"])
    return helper.make_graph(
        builder.nodes,
        "distilbert_sequence_classification",
        [tensor_info("input_ids", INT64, ["batch_size", "sequence_length"]), tensor_info("attention_mask", INT64, ["batch_size", "sequence_length"])],
        [tensor_info("logits", FLOAT, ["batch_size", dims["num_labels"]])],
        builder.initializers,
    )
