"""What the tests share: the episcope binary, the Omniglot folder, the shipped models."""
from __future__ import annotations

import functools
import json
import os
import subprocess
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = Path(__file__).resolve().parents[1]
MODELS = ROOT / "assets" / "models"


def binary() -> str:
    path = os.environ.get("EPISCOPE_BINARY") or str(ROOT / ".build" / "release" / "episcope")
    if not Path(path).exists():
        raise RuntimeError(f"{path}: no episcope binary (run `make build`, or set EPISCOPE_BINARY)")
    return path


def data() -> str:
    path = os.environ.get("EPISCOPE_DATA")
    if not path or not (Path(path) / "images_background.zip").exists():
        raise RuntimeError("set EPISCOPE_DATA to the folder of the Omniglot zips (make interop-test does)")
    return path


def episcope(*args: str) -> dict:
    """Runs `episcope ARGS` and reads its JSON output."""
    out = subprocess.run([binary(), *args], check=True, capture_output=True, text=True,
                         env={**os.environ, "EPISCOPE_THREADS": "1"})
    return json.loads(out.stdout)


@functools.cache
def omniglot_images(side: int = 28) -> torch.Tensor:
    from episcope_torch.omniglot import Omniglot

    return torch.from_numpy(Omniglot.load(data(), side=side).images)


def drawing(d: dict, side: int = 28) -> torch.Tensor:
    """A drawing of `episcope episode --json` ({index, rotation}) from the zips, read here
    (MANN and the LSTM read them at 20x20)."""
    index = d["index"]
    return torch.rot90(omniglot_images(side)[index // 20, index % 20], d["rotation"] // 90, dims=(0, 1))
