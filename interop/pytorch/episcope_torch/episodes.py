"""Tasks for training: N-way K-shot Omniglot episodes and sine regression tasks.

Task i of a run is drawn from a generator seeded by (seed, i) alone, so which tasks a run sees
does not depend on how many processes share it: with W processes, rank r takes the tasks
i ≡ r (mod W) of each iteration's batch (what DistributedSampler does for a dataset).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import torch


def task_generator(seed: int, index: int) -> torch.Generator:
    """The generator of task `index` of a run seeded `seed`."""
    return torch.Generator().manual_seed((seed * 0x9E3779B97F4A7C15 + index) % (1 << 63))


def shard(indices: range | list[int], rank: int, world: int) -> list[int]:
    """Rank `rank`'s share of `indices` out of `world` processes."""
    return list(indices)[rank::world]


@dataclass
class Episode:
    """One N-way K-shot task; support and query class-major, ink = 1, [n, 1, 28, 28]."""
    support: torch.Tensor
    support_labels: torch.Tensor
    query: torch.Tensor
    query_labels: torch.Tensor
    ways: int
    shots: int

    def to(self, device: torch.device) -> "Episode":
        return Episode(self.support.to(device), self.support_labels.to(device), self.query.to(device),
                       self.query_labels.to(device), self.ways, self.shots)


class EpisodeSampler:
    """Episodes from a list of classes (character, rotation) of an Omniglot image array
    [characters, 20, side, side]: `ways` distinct classes, `shots + queries` distinct drawers each."""

    def __init__(self, images: torch.Tensor, classes: list[tuple[int, int]], ways: int, shots: int, queries: int):
        if ways > len(classes):
            raise ValueError(f"{ways}-way episodes need {ways} classes; the split has {len(classes)}")
        if shots + queries > images.shape[1]:
            raise ValueError(f"{shots} shots and {queries} queries need more than the {images.shape[1]} drawings per character")
        self.images, self.classes = images, classes
        self.ways, self.shots, self.queries = ways, shots, queries

    def sample(self, generator: torch.Generator) -> Episode:
        chosen = torch.randperm(len(self.classes), generator=generator)[: self.ways].tolist()
        support, query = [], []
        for index in chosen:
            character, rotation = self.classes[index]
            drawers = torch.randperm(self.images.shape[1], generator=generator)[: self.shots + self.queries]
            drawings = torch.rot90(self.images[character, drawers], rotation // 90, dims=(1, 2))
            support.append(drawings[: self.shots])
            query.append(drawings[self.shots:])
        labels = torch.arange(self.ways)
        return Episode(
            torch.cat(support).unsqueeze(1), labels.repeat_interleave(self.shots),
            torch.cat(query).unsqueeze(1), labels.repeat_interleave(self.queries), self.ways, self.shots)


@dataclass
class SequenceBatch:
    """Santoro et al.'s sequences, step-major: drawings [steps, batch, 400] (20x20, ink = 1) and
    their labels [steps, batch]; a label reaches the network one step after its drawing."""
    images: torch.Tensor
    labels: torch.Tensor

    def to(self, device: torch.device) -> "SequenceBatch":
        return SequenceBatch(self.images.to(device), self.labels.to(device))


class SequenceSampler:
    """Sequences from a list of classes (character, rotation) of 20x20 drawings
    [characters, 20, 20, 20]: `classes` distinct classes in random order, each taking its position
    as label (so labels are assigned anew in every sequence), `drawings` distinct drawers of
    each, shuffled into one sequence."""

    def __init__(self, images: torch.Tensor, classes: list[tuple[int, int]], per_sequence: int, drawings: int):
        if per_sequence > len(classes):
            raise ValueError(f"sequences of {per_sequence} classes need {per_sequence} classes; the split has {len(classes)}")
        if drawings > images.shape[1]:
            raise ValueError(f"{drawings} drawings per class need more than the {images.shape[1]} drawings per character")
        self.images, self.classes, self.per_sequence, self.drawings = images, classes, per_sequence, drawings

    def sample(self, generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        """One sequence: drawings [steps, 400] and labels [steps]."""
        chosen = torch.randperm(len(self.classes), generator=generator)[: self.per_sequence].tolist()
        drawings, labels = [], []
        for label, index in enumerate(chosen):
            character, rotation = self.classes[index]
            drawers = torch.randperm(self.images.shape[1], generator=generator)[: self.drawings]
            drawings.append(torch.rot90(self.images[character, drawers], rotation // 90, dims=(1, 2)))
            labels += [label] * self.drawings
        order = torch.randperm(len(labels), generator=generator)
        return torch.cat(drawings).flatten(1)[order], torch.tensor(labels)[order]

    def batch(self, generators: list[torch.Generator]) -> SequenceBatch:
        parts = [self.sample(g) for g in generators]
        return SequenceBatch(torch.stack([p[0] for p in parts], 1), torch.stack([p[1] for p in parts], 1))


@dataclass
class SineBatch:
    """Support and query points of `tasks` sine tasks, [tasks, k, 1] each."""
    support_x: torch.Tensor
    support_y: torch.Tensor
    query_x: torch.Tensor
    query_y: torch.Tensor

    def to(self, device: torch.device) -> "SineBatch":
        return SineBatch(*(t.to(device) for t in (self.support_x, self.support_y, self.query_x, self.query_y)))


def sine_task(generator: torch.Generator, shots: int, queries: int) -> tuple[torch.Tensor, ...]:
    """y = A sin(x − φ), A ~ U[0.1, 5], φ ~ U[0, π], x ~ U[−5, 5] (Finn et al.)."""
    amplitude = 0.1 + 4.9 * torch.rand((), generator=generator)
    phase = math.pi * torch.rand((), generator=generator)
    xs = -5 + 10 * torch.rand(shots + queries, 1, generator=generator)
    ys = amplitude * torch.sin(xs - phase)
    return xs[:shots], ys[:shots], xs[shots:], ys[shots:]


def sine_batch(generators: list[torch.Generator], shots: int, queries: int) -> SineBatch:
    parts = [sine_task(g, shots, queries) for g in generators]
    return SineBatch(*(torch.stack([p[i] for p in parts]) for i in range(4)))
