"""A thin layer over onnx.helper: unique names, initializers and the handful of blocks Whisper needs."""
import math

import numpy as np
from onnx import TensorProto, helper, numpy_helper


class NameSource:
    """One counter for a graph and all its subgraphs: ONNX forbids a subgraph reusing an outer name."""

    def __init__(self):
        self._count = 0

    def fresh(self, stem):
        self._count += 1
        return f"/{stem}_{self._count}"


class GraphBuilder:
    """Collects nodes and initializers for one (sub)graph; each op returns its output name."""

    def __init__(self, names, rng, weight_std):
        self.names = names
        self.rng = rng
        self.weight_std = weight_std
        self.nodes = []
        self.initializers = []

    def constant(self, stem, array):
        name = self.names.fresh(stem)
        self.initializers.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def weight(self, stem, shape, std=None):
        values = self.rng.normal(0.0, std or self.weight_std, size=shape).astype(np.float32)
        return self.constant(stem, values)

    def op(self, op_type, inputs, outputs=1, stem=None, **attributes):
        output_names = [self.names.fresh(stem or op_type) for _ in range(outputs)] if isinstance(outputs, int) else outputs
        self.nodes.append(helper.make_node(op_type, inputs, output_names, name=self.names.fresh(f"{op_type}_node"), **attributes))
        return output_names[0] if len(output_names) == 1 else output_names

    def linear(self, x, in_features, out_features, bias=True, scale=1.0):
        """x @ W (+ b), with an optional constant scale folded into the weights (Whisper scales queries)."""
        weight = self.rng.normal(0.0, self.weight_std, size=(in_features, out_features)).astype(np.float32) * scale
        y = self.op("MatMul", [x, self.constant("weight", weight)])
        if not bias:
            return y
        return self.op("Add", [y, self.constant("bias", np.zeros(out_features, np.float32))])

    def layer_norm(self, x, width, output=None):
        gamma = self.constant("ln_gamma", np.ones(width, np.float32))
        beta = self.constant("ln_beta", np.zeros(width, np.float32))
        return self.op("LayerNormalization", [x, gamma, beta], outputs=[output] if output else 1, axis=-1, epsilon=1e-5)

    def gelu(self, x):
        """Exact GELU from Erf: the Gelu operator needs opset 20, newer than Debian's onnx knows."""
        scaled = self.op("Mul", [x, self.constant("inv_sqrt2", np.float32(1 / math.sqrt(2)))])
        erf_plus_one = self.op("Add", [self.op("Erf", [scaled]), self.constant("one", np.float32(1.0))])
        return self.op("Mul", [self.op("Mul", [x, erf_plus_one]), self.constant("half", np.float32(0.5))])

    def split_heads(self, x, heads, head_dim):
        """[batch, time, d_model] -> [batch, heads, time, head_dim]."""
        shaped = self.op("Reshape", [x, self.constant("heads_shape", np.array([0, -1, heads, head_dim], np.int64))])
        return self.op("Transpose", [shaped], perm=[0, 2, 1, 3])

    def merge_heads(self, x, d_model):
        """[batch, heads, time, head_dim] -> [batch, time, d_model]."""
        transposed = self.op("Transpose", [x], perm=[0, 2, 1, 3])
        return self.op("Reshape", [transposed, self.constant("model_shape", np.array([0, -1, d_model], np.int64))])

    def attend(self, query, key, value, mask=None, probabilities_name=None, forced_scores=None):
        """Scaled dot-product attention over [batch, heads, time, head_dim]; the scale is folded into the query.
        `forced_scores` [query time, key time] replace query x key, keeping its shape (a fixture that
        decides where attention goes)."""
        scores = self.op("MatMul", [query, self.op("Transpose", [key], perm=[0, 1, 3, 2])])
        if forced_scores is not None:
            scores = self.op("Add", [self.op("Mul", [scores, self.constant("zero", np.float32(0))]), forced_scores])
        if mask is not None:
            scores = self.op("Add", [scores, mask])
        probabilities = self.op("Softmax", [scores], outputs=[probabilities_name] if probabilities_name else 1, axis=-1)
        return self.op("MatMul", [probabilities, value])

    def feed_forward(self, x, d_model, ffn_dim):
        hidden = self.gelu(self.linear(x, d_model, ffn_dim))
        return self.linear(hidden, ffn_dim, d_model)


def tensor_info(name, elem_type, shape):
    return helper.make_tensor_value_info(name, elem_type, shape)


FLOAT = TensorProto.FLOAT
INT32 = TensorProto.INT32
INT64 = TensorProto.INT64
BOOL = TensorProto.BOOL
