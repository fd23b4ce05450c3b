"""Episcope's model files: a plain state dict in safetensors with the metadata Episcope reads
(ModelCheckpoint.swift): `format`, `configuration` (a TrainingConfiguration as JSON, every
key present), `command`, `iteration`, `wall_seconds`, `algorithm`, `dataset`, `split`, `seed`.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

FORMAT = "episcope-model-1"


def standard_configuration(algorithm: str, dataset: str) -> dict:
    """The published experiments' settings, as `TrainingConfiguration.standard` in Episcope."""
    c = dict(algorithm=algorithm, dataset=dataset, split="vinyals", ways=5, shots=1, queries=1, metaBatch=1,
             innerSteps=1, innerStepSize=0.4, metaStepSize=0.001, iterations=1000, seed=0,
             learningRateDecayInterval=0, learningRateDecay=0.5, validationInterval=500, validationEpisodes=200,
             checkpointInterval=500, downsampling="strided", validationWays=5, validationShots=1,
             evaluationInnerSteps=1)
    if dataset == "sine":
        c.update(ways=1, shots=10, queries=10, metaBatch=25, innerSteps=1, innerStepSize=0.01, metaStepSize=0.001,
                 iterations=70_000, validationInterval=1000, validationEpisodes=4000, checkpointInterval=5000)
        if algorithm == "reptile":
            c.update(innerSteps=5, innerStepSize=0.02, metaStepSize=1.0)
        return c
    if algorithm == "protonet":
        c.update(ways=60, shots=5, queries=5, learningRateDecayInterval=2000, iterations=10_000, downsampling="maxPool")
    elif algorithm == "matching":
        c.update(ways=20, shots=1, queries=5, similarityScale=10.0, learningRateDecayInterval=2000, iterations=10_000,
                 downsampling="maxPool")
    elif algorithm == "siamese":
        c.update(ways=20, shots=1, queries=5, learningRateDecayInterval=2000, iterations=10_000, downsampling="maxPool")
    elif algorithm == "relation":
        c.update(ways=5, shots=1, queries=19, learningRateDecayInterval=10_000, iterations=100_000)
    elif algorithm in ("maml", "fomaml"):
        c.update(ways=5, shots=1, queries=15, metaBatch=32, innerSteps=1, innerStepSize=0.4, iterations=30_000,
                 evaluationInnerSteps=3)
    elif algorithm == "reptile":
        c.update(ways=5, shots=10, queries=5, metaBatch=5, innerBatch=10, innerSteps=5, innerStepSize=0.05,
                 metaStepSize=1.0, iterations=100_000, validationShots=5, evaluationInnerSteps=50)
    elif algorithm in ("mann", "lstm"):
        # Santoro et al.: sequences of 5 classes, 10 drawings each, batches of 16, Adam 1e-3.
        c.update(ways=5, shots=10, queries=1, metaBatch=16, iterations=100_000, validationInterval=1000,
                 validationEpisodes=320, checkpointInterval=500, validationShots=10,
                 sequenceModel=dict(controllerUnits=200, memorySlots=128, memoryWidth=40, readHeads=4, usageDecay=0.95))
    else:
        raise ValueError(f"{algorithm} on {dataset} is not trained here (protonet, matching, siamese, relation, maml, "
                         "fomaml, reptile, mann, lstm on omniglot; maml, fomaml, reptile, pretrained on sine)")
    return c


def save(model: torch.nn.Module, path: str | os.PathLike, configuration: dict, *, iteration: int,
         wall_seconds: float, command: str) -> None:
    """Writes the model's state dict (num_batches_tracked stays I64, the rest F32) with Episcope's
    metadata, atomically: a temporary file beside `path`, then a rename."""
    state = {k: v.detach().to("cpu").contiguous() for k, v in model.state_dict().items()}
    state = {k: v if v.dtype == torch.int64 else v.float() for k, v in state.items()}
    metadata = {
        "format": FORMAT, "configuration": json.dumps(configuration, sort_keys=True), "command": command,
        "iteration": str(iteration), "wall_seconds": f"{wall_seconds:.1f}", "algorithm": configuration["algorithm"],
        "dataset": configuration["dataset"], "split": configuration["split"], "seed": str(configuration["seed"]),
    }
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    save_file(state, str(tmp), metadata=metadata)
    os.replace(tmp, path)


def load(path: str | os.PathLike) -> tuple[dict[str, torch.Tensor], dict]:
    """The tensors and the configuration of an Episcope model file (shipped or written here)."""
    from safetensors import safe_open

    with safe_open(str(path), framework="pt") as f:
        metadata = f.metadata() or {}
    if "configuration" not in metadata:
        raise ValueError(f"{path}: no Episcope configuration in its metadata")
    return load_file(str(path)), json.loads(metadata["configuration"])
