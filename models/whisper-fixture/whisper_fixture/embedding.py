"""The token embedding, which dominates the file size: 51865 rows whatever d_model is."""
import numpy as np


def token_embedding(builder, dims):
    """(embedding for Gather, its transpose for the tied output projection). Float32 as exported
    upstream, which stores the projection as its own transposed initializer; or int8 rows with one
    scale (DequantizeLinear) and a Transpose node, to keep the committed fixture 4x smaller."""
    rows = builder.rng.normal(0.0, dims["embedding_std"], size=(dims["vocab_size"], dims["d_model"])).astype(np.float32)
    if dims["embedding_dtype"] == "fp32":
        return builder.constant("embed_tokens", rows), builder.constant("proj_out_weight", np.ascontiguousarray(rows.T))
    scale = np.float32(np.abs(rows).max() / 127)
    quantized = np.clip(np.round(rows / scale), -127, 127).astype(np.int8)
    embedding = builder.op(
        "DequantizeLinear",
        [builder.constant("embed_tokens_int8", quantized), builder.constant("embed_tokens_scale", scale), builder.constant("embed_tokens_zero", np.int8(0))],
    )
    return embedding, builder.op("Transpose", [embedding], perm=[1, 0])
