"""decoder_model_merged.onnx in Optimum's merged layout: one graph serving the first step (no cache) and
later steps (cache), chosen by `use_cache_branch`, with present.* outputs and, like the `_timestamped`
exports, cross_attentions.* outputs that word timestamps are computed from."""
import numpy as np
from onnx import helper

from .embedding import token_embedding
from .graph_builder import BOOL, FLOAT, INT64, GraphBuilder, NameSource, tensor_info


def past_name(layer, side, kind):
    return f"past_key_values.{layer}.{side}.{kind}"


def present_name(layer, side, kind):
    return f"present.{layer}.{side}.{kind}"


def positions_and_causal_mask(builder, dims):
    """Absolute positions of the new tokens (after the cached ones) and the mask hiding later tokens."""
    scalar = lambda value: builder.constant("index", np.array(value, np.int64))
    past_length = builder.op("Gather", [builder.op("Shape", [past_name(0, "decoder", "key")]), scalar(2)])
    new_length = builder.op("Gather", [builder.op("Shape", ["input_ids"]), scalar(1)])
    total_length = builder.op("Add", [past_length, new_length])
    positions = builder.op("Range", [past_length, total_length, scalar(1)])
    key_positions = builder.op("Unsqueeze", [builder.op("Range", [scalar(0), total_length, scalar(1)]), scalar([0])])
    query_positions = builder.op("Unsqueeze", [positions, scalar([1])])
    is_future = builder.op("Greater", [key_positions, query_positions])
    mask = builder.op("Where", [is_future, builder.constant("masked", np.float32(-1e9)), builder.constant("open", np.float32(0))])
    return positions, mask


def cross_attention_cache(builder, dims):
    """If node: on the first step project encoder_hidden_states to keys and values; later, pass the cache on."""
    layers, heads, head_dim, d_model = dims["decoder_layers"], dims["decoder_attention_heads"], dims["head_dim"], dims["d_model"]
    names = [(layer, kind) for layer in range(layers) for kind in ("key", "value")]
    with_cache = GraphBuilder(builder.names, builder.rng, builder.weight_std)
    for layer, kind in names:
        with_cache.op("Identity", [past_name(layer, "encoder", kind)], outputs=[f"cached_{layer}_{kind}"])
    without_cache = GraphBuilder(builder.names, builder.rng, builder.weight_std)
    for layer, kind in names:
        projected = without_cache.linear("encoder_hidden_states", d_model, d_model, bias=kind == "value")
        shaped = without_cache.split_heads(projected, heads, head_dim)
        without_cache.op("Identity", [shaped], outputs=[f"projected_{layer}_{kind}"])
    shape = ["batch_size", heads, "encoder_sequence_length_out", head_dim]
    branch = lambda graph, prefix, name: helper.make_graph(
        graph.nodes, name, [], [tensor_info(f"{prefix}_{layer}_{kind}", FLOAT, shape) for layer, kind in names], graph.initializers
    )
    builder.op(
        "If",
        ["use_cache_branch"],
        outputs=[present_name(layer, "encoder", kind) for layer, kind in names],
        then_branch=branch(with_cache, "cached", "decoder_with_past"),
        else_branch=branch(without_cache, "projected", "decoder_without_past"),
    )


def monotonic_scores(builder, positions, encoder_key, dims):
    """Cross-attention scores that peak at encoder frame `frames_per_token` x the token's position,
    whatever the audio: a known, monotonic alignment for testing word timestamps."""
    scalar = lambda value: builder.constant("index", np.array(value, np.int64))
    frames = builder.op("Gather", [builder.op("Shape", [encoder_key]), scalar(2)])
    frame_index = builder.op("Cast", [builder.op("Range", [scalar(0), frames, scalar(1)])], to=FLOAT)
    target = builder.op("Mul", [builder.op("Cast", [positions], to=FLOAT), builder.constant("frames_per_token", np.float32(dims["frames_per_token"]))])
    distance = builder.op("Sub", [frame_index, builder.op("Unsqueeze", [target, scalar([1])])])
    return builder.op("Mul", [builder.op("Mul", [distance, distance]), builder.constant("sharpness", np.float32(-1.0))])


def decoder_layer(builder, x, layer, mask, dims, positions):
    heads, head_dim, d_model = dims["decoder_attention_heads"], dims["head_dim"], dims["d_model"]
    query_of = lambda hidden: builder.split_heads(builder.linear(hidden, d_model, d_model, scale=head_dim**-0.5), heads, head_dim)
    hidden = builder.layer_norm(x, d_model)
    new_key = builder.split_heads(builder.linear(hidden, d_model, d_model, bias=False), heads, head_dim)
    new_value = builder.split_heads(builder.linear(hidden, d_model, d_model), heads, head_dim)
    key = builder.op("Concat", [past_name(layer, "decoder", "key"), new_key], outputs=[present_name(layer, "decoder", "key")], axis=2)
    value = builder.op("Concat", [past_name(layer, "decoder", "value"), new_value], outputs=[present_name(layer, "decoder", "value")], axis=2)
    attended = builder.merge_heads(builder.attend(query_of(hidden), key, value, mask), d_model)
    x = builder.op("Add", [x, builder.linear(attended, d_model, d_model)])
    hidden = builder.layer_norm(x, d_model)
    aligned = dims.get("frames_per_token") and layer == dims["decoder_layers"] - 1
    cross = builder.attend(
        query_of(hidden),
        present_name(layer, "encoder", "key"),
        present_name(layer, "encoder", "value"),
        probabilities_name=f"cross_attentions.{layer}" if dims["cross_attentions"] else None,
        forced_scores=monotonic_scores(builder, positions, present_name(layer, "encoder", "key"), dims) if aligned else None,
    )
    x = builder.op("Add", [x, builder.linear(builder.merge_heads(cross, d_model), d_model, d_model)])
    return builder.op("Add", [x, builder.feed_forward(builder.layer_norm(x, d_model), d_model, dims["decoder_ffn_dim"])])


def forced_token_bias(builder, dims):
    """Logit bias that makes a known token win: `force_language` after <|startoftranscript|>
    (what language detection reads), `repeat_token` after every other token (a degenerate loop)."""
    terms = []
    is_start = builder.op("Equal", ["input_ids", builder.constant("start_of_transcript", np.array(50258, np.int64))])
    for token, condition in ((dims.get("force_language_id"), is_start), (dims.get("repeat_token_id"), builder.op("Not", [is_start]))):
        if token is None:
            continue
        one_hot = np.zeros(dims["vocab_size"], np.float32)
        one_hot[token] = 100.0
        gate = builder.op("Unsqueeze", [builder.op("Cast", [condition], to=FLOAT), builder.constant("index", np.array([2], np.int64))])
        terms.append(builder.op("Mul", [gate, builder.constant("forced_token", one_hot)]))
    return terms[0] if len(terms) == 1 else builder.op("Add", terms)


def build_decoder(dims, rng):
    d_model, layers, heads, head_dim = dims["d_model"], dims["decoder_layers"], dims["decoder_attention_heads"], dims["head_dim"]
    builder = GraphBuilder(NameSource(), rng, dims["weight_std"])
    embedding, projection = token_embedding(builder, dims)
    positions, mask = positions_and_causal_mask(builder, dims)
    position_embedding = builder.op("Gather", [builder.weight("embed_positions", (dims["max_target_positions"], d_model)), positions])
    x = builder.op("Add", [builder.op("Gather", [embedding, "input_ids"]), position_embedding])
    cross_attention_cache(builder, dims)
    for layer in range(layers):
        x = decoder_layer(builder, x, layer, mask, dims, positions)
    # Whisper ties the output projection to the token embedding.
    normalised = builder.layer_norm(x, d_model)
    if dims.get("force_language_id") is None and dims.get("repeat_token_id") is None:
        builder.op("MatMul", [normalised, projection], outputs=["logits"])
    else:
        builder.op("Add", [builder.op("MatMul", [normalised, projection]), forced_token_bias(builder, dims)], outputs=["logits"])

    cache_shape = lambda side, grown="": ["batch_size", heads, f"past_decoder_sequence_length{grown}" if side == "decoder" else "encoder_sequence_length_out", head_dim]
    cache_names = [(layer, side, kind) for layer in range(layers) for side in ("decoder", "encoder") for kind in ("key", "value")]
    inputs = [
        tensor_info("input_ids", INT64, ["batch_size", "decoder_sequence_length"]),
        tensor_info("encoder_hidden_states", FLOAT, ["batch_size", "encoder_sequence_length / 2", d_model]),
        *[tensor_info(past_name(layer, side, kind), FLOAT, cache_shape(side)) for layer, side, kind in cache_names],
        tensor_info("use_cache_branch", BOOL, [1]),
    ]
    outputs = [
        tensor_info("logits", FLOAT, ["batch_size", "decoder_sequence_length", dims["vocab_size"]]),
        *[tensor_info(present_name(layer, side, kind), FLOAT, cache_shape(side, " + 1")) for layer, side, kind in cache_names],
    ]
    if dims["cross_attentions"]:
        outputs += [tensor_info(f"cross_attentions.{layer}", FLOAT, ["batch_size", heads, "decoder_sequence_length", "encoder_sequence_length / 2"]) for layer in range(layers)]
    return helper.make_graph(builder.nodes, "whisper_decoder_merged", inputs, outputs, builder.initializers)
