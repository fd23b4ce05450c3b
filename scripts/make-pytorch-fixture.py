#!/usr/bin/env python3
"""Writes the PyTorch-interop fixture of the checkpoint tests.

A state dict laid out as torch.nn.Module.state_dict() lays out Episcope's MAML classifier
(ConvNet4 with stride-2 convolutions, then a linear head), written by the reference safetensors
library, plus reference inputs and outputs computed here with numpy under PyTorch's documented
semantics: Conv2d is cross-correlation with weight [out, in, kh, kw]; BatchNorm2d normalises
with the batch's biased variance in training mode and with running_mean/running_var in eval
mode (eps 1e-5); Linear is x @ W.T + b; MaxPool2d(2) floors. The Swift test loads both files
with no Episcope metadata and must reproduce the outputs.

    pip install numpy safetensors && python3 scripts/make-pytorch-fixture.py
"""
import os
import numpy as np
from safetensors.numpy import save_file

HERE = os.path.join(os.path.dirname(__file__), "..", "Tests", "FewShotTests", "Fixtures")
rng = np.random.default_rng(2026)
C, WAYS, EPS = 64, 5, 1e-5


def conv2d(x, w, b, stride):
    n, cin, h, wd = x.shape
    out, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    ho, wo = (h + 2 - kh) // stride + 1, (wd + 2 - kw) // stride + 1
    y = np.zeros((n, out, ho, wo), np.float64)
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, :, i:i + stride * ho:stride, j:j + stride * wo:stride]  # n, cin, ho, wo
            y += np.einsum("nchw,oc->nohw", patch, w[:, :, i, j])
    return y + b[None, :, None, None]


def batchnorm(x, gamma, beta, mean=None, var=None):
    if mean is None:
        mean, var = x.mean(axis=(0, 2, 3)), x.var(axis=(0, 2, 3))
    return (x - mean[None, :, None, None]) / np.sqrt(var[None, :, None, None] + EPS) * gamma[None, :, None, None] + beta[None, :, None, None]


def maxpool(x):
    n, c, h, w = x.shape
    h2, w2 = h // 2, w // 2
    return x[:, :, :2 * h2, :2 * w2].reshape(n, c, h2, 2, w2, 2).max(axis=(3, 5))


state = {}
for block in range(4):
    cin = 1 if block == 0 else C
    bound = 1 / np.sqrt(cin * 9)
    state[f"encoder.{block}.0.weight"] = rng.uniform(-bound, bound, (C, cin, 3, 3)).astype(np.float32)
    state[f"encoder.{block}.0.bias"] = rng.uniform(-bound, bound, C).astype(np.float32)
    state[f"encoder.{block}.1.weight"] = rng.uniform(0.5, 1.5, C).astype(np.float32)
    state[f"encoder.{block}.1.bias"] = rng.uniform(-0.2, 0.2, C).astype(np.float32)
    state[f"encoder.{block}.1.running_mean"] = rng.uniform(-0.3, 0.3, C).astype(np.float32)
    state[f"encoder.{block}.1.running_var"] = rng.uniform(0.5, 2.0, C).astype(np.float32)
    state[f"encoder.{block}.1.num_batches_tracked"] = np.array(1234, dtype=np.int64)
state["classifier.weight"] = rng.uniform(-0.125, 0.125, (WAYS, C)).astype(np.float32)
state["classifier.bias"] = rng.uniform(-0.125, 0.125, WAYS).astype(np.float32)
p = {k: v.astype(np.float64) for k, v in state.items()}

images = (rng.random((6, 1, 28, 28)) < 0.2).astype(np.float32)
x = images.astype(np.float64)

# MAML's classifier in training mode (batch statistics), as MAML evaluates.
h = x
for block in range(4):
    h = conv2d(h, p[f"encoder.{block}.0.weight"], p[f"encoder.{block}.0.bias"], 2)
    h = np.maximum(batchnorm(h, p[f"encoder.{block}.1.weight"], p[f"encoder.{block}.1.bias"]), 0)
logits = h.mean(axis=(2, 3)) @ p["classifier.weight"].T + p["classifier.bias"]

# ProtoNet's encoder (the same tensors, max-pooling) in eval mode (running statistics).
h = x
for block in range(4):
    h = conv2d(h, p[f"encoder.{block}.0.weight"], p[f"encoder.{block}.0.bias"], 1)
    h = batchnorm(h, p[f"encoder.{block}.1.weight"], p[f"encoder.{block}.1.bias"],
                  p[f"encoder.{block}.1.running_mean"], p[f"encoder.{block}.1.running_var"])
    h = maxpool(np.maximum(h, 0))
embeddings = h.reshape(h.shape[0], -1)

os.makedirs(HERE, exist_ok=True)
save_file(state, os.path.join(HERE, "pytorch-state-dict.safetensors"))
save_file({"images": images, "classifier_logits": logits.astype(np.float32), "encoder_embeddings": embeddings.astype(np.float32)},
          os.path.join(HERE, "pytorch-reference-outputs.safetensors"))
print("logits", logits.shape, "embeddings", embeddings.shape)
