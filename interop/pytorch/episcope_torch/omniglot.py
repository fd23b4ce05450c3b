"""Omniglot read straight from Lake's official zips, as Episcope reads it.

Characters are numbered as Episcope numbers them: background alphabets first, each archive's
alphabets sorted by folder name, characters by number; character c's 20 drawings are rows
20c..20c+19 in drawer order. A drawing is its 105x105 PNG with ink (dark pixels) = 1, reduced
to 28x28 (or 20x20, MANN) by area averaging, so a 28x28 pixel is exactly k/225. Rotations are
counterclockwise quarter turns (the Vinyals lists' rot090), applied after the reduction, which
commutes with it.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ARCHIVES = ("images_background.zip", "images_evaluation.zip")
SIDE = 105
DRAWINGS_PER_CHARACTER = 20
_ENTRY = re.compile(r"^[^/]+/([^/]+)/character(\d+)/(\d+)_(\d+)\.png$")


def area_reduce(ink: np.ndarray, side: int) -> np.ndarray:
    """Area averages of a 105x105 0/1 bitmap on a side x side grid (Episcope's AreaResampler):
    each output cell is the mean of the source pixels it covers, partly covered ones weighted
    by the fraction covered; repeating each pixel lcm/105 times makes every cell whole."""
    n = ink.shape[0]
    lcm = np.lcm(n, side)
    fine = np.repeat(np.repeat(ink.astype(np.float64), lcm // n, axis=0), lcm // n, axis=1)
    block = lcm // side
    return fine.reshape(side, block, side, block).mean(axis=(1, 3)).astype(np.float32)


def decode_ink(png: bytes) -> np.ndarray:
    """A PNG as a 0/1 ink bitmap: dark pixels (below half of full scale) are ink."""
    from PIL import Image

    gray = np.asarray(Image.open(io.BytesIO(png)).convert("L"), dtype=np.uint8)
    return (gray.astype(np.int32) * 2 < 255).astype(np.uint8)


@dataclass(frozen=True)
class Alphabet:
    name: str
    archive: str
    first: int  # global index of its character01
    count: int


class Omniglot:
    """All 32,460 drawings as [characters, 20, side, side] floats (ink = 1)."""

    def __init__(self, images: np.ndarray, alphabets: list[Alphabet]):
        self.images = images
        self.alphabets = alphabets
        self._by_name = {a.name: a for a in alphabets}

    @staticmethod
    def load(data_dir: str | os.PathLike, side: int = 28, cache_dir: str | os.PathLike | None = None) -> "Omniglot":
        """Reads both archives of `data_dir`, or the cache written by an earlier call."""
        data_dir = Path(data_dir)
        cache = Path(cache_dir or os.environ.get("EPISCOPE_TORCH_CACHE") or Path.home() / ".cache" / "episcope-torch")
        stamp = "-".join(str((data_dir / a).stat().st_size) for a in ARCHIVES)
        cached = cache / f"omniglot-{side}-{stamp}.npz"
        if cached.exists():
            with np.load(cached, allow_pickle=False) as z:
                alphabets = [Alphabet(n, a, int(f), int(c)) for n, a, f, c in zip(z["names"], z["archives"], z["firsts"], z["counts"])]
                return Omniglot(z["images"], alphabets)
        omniglot = Omniglot._decode(data_dir, side)
        cache.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".tmp{os.getpid()}.npz")
        a = omniglot.alphabets
        np.savez(tmp, images=omniglot.images, names=[x.name for x in a], archives=[x.archive for x in a],
                 firsts=[x.first for x in a], counts=[x.count for x in a])
        os.replace(tmp, cached)
        return omniglot

    @staticmethod
    def _decode(data_dir: Path, side: int) -> "Omniglot":
        alphabets: list[Alphabet] = []
        images: list[np.ndarray] = []
        for archive in ARCHIVES:
            path = data_dir / archive
            if not path.exists():
                raise FileNotFoundError(f"{path}: missing (run `episcope data`, or pass --data with the Omniglot zips)")
            with zipfile.ZipFile(path) as z:
                layout: dict[str, dict[int, dict[int, str]]] = {}
                for name in z.namelist():
                    m = _ENTRY.match(name)
                    if m:
                        layout.setdefault(m[1], {}).setdefault(int(m[2]), {})[int(m[4])] = name
                for alphabet in sorted(layout):
                    characters = layout[alphabet]
                    numbers = sorted(characters)
                    if numbers != list(range(1, len(numbers) + 1)):
                        raise ValueError(f"{path}: {alphabet} has gaps in its character numbers")
                    alphabets.append(Alphabet(alphabet, archive, sum(x.count for x in alphabets), len(numbers)))
                    for number in numbers:
                        drawers = characters[number]
                        if sorted(drawers) != list(range(1, DRAWINGS_PER_CHARACTER + 1)):
                            raise ValueError(f"{path}: {alphabet}/character{number:02d} lacks drawings")
                        for drawer in range(1, DRAWINGS_PER_CHARACTER + 1):
                            ink = decode_ink(z.read(drawers[drawer]))
                            if ink.shape != (SIDE, SIDE):
                                raise ValueError(f"{path}: {drawers[drawer]} is {ink.shape}, expected 105x105")
                            images.append(area_reduce(ink, side))
        stacked = np.stack(images).reshape(-1, DRAWINGS_PER_CHARACTER, side, side)
        return Omniglot(stacked, alphabets)

    def character_index(self, alphabet: str, number: int) -> int:
        a = self._by_name.get(alphabet)
        if a is None or not 1 <= number <= a.count:
            raise KeyError(f"{alphabet}/character{number:02d} is not in the archives")
        return a.first + number - 1

    def drawing(self, character: int, drawer_index: int, rotation: int) -> np.ndarray:
        """Drawer `drawer_index` (0-based) of `character`, turned counterclockwise by `rotation` degrees."""
        return np.rot90(self.images[character, drawer_index], rotation // 90)


def load_split(omniglot: Omniglot, data_dir: str | os.PathLike, split: str, part: str) -> list[tuple[int, int]]:
    """Classes (character index, rotation in degrees) of a split part, in file order: the
    Vinyals lists in `splits/vinyals/<part>.txt`, or Lake's (`lake`: the background archive to
    train on, the evaluation archive to test on, unrotated)."""
    if split == "vinyals":
        path = Path(data_dir) / "splits" / "vinyals" / f"{part}.txt"
        classes = []
        for number, line in enumerate(path.read_text().splitlines(), 1):
            line = line.strip()
            if not line:
                continue
            m = re.fullmatch(r"(.+)/character(\d+)/rot(\d+)", line)
            if not m or int(m[3]) not in (0, 90, 180, 270):
                raise ValueError(f"{path}:{number}: expected <Alphabet>/characterNN/rotDDD, got {line!r}")
            classes.append((omniglot.character_index(m[1], int(m[2])), int(m[3])))
        return classes
    if split == "lake":
        archive = "images_evaluation.zip" if part == "test" else "images_background.zip"
        return [(a.first + i, 0) for a in omniglot.alphabets if a.archive == archive for i in range(a.count)]
    raise ValueError(f"unknown split {split!r} (vinyals or lake)")
