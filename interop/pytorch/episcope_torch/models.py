"""Episcope's networks as torch.nn modules whose state_dict names and shapes are those of
Episcope's model files (README, "Checkpoints"), so `load_state_dict` works both ways, strict.

Every batch norm is followed by ReLU, as in Episcope's fused kernel. Networks that track
running statistics (the metric learners) are run under `eval()` for testing, as Episcope
tests them; MAML's classifier is built with `track_running_stats=False` and normalises every
batch by its own statistics in train and eval mode alike (Finn et al.).
"""
from __future__ import annotations

import torch
from torch import nn

CHANNELS = 64


def conv_block(cin: int, *, stride: int = 1, padding: int = 1, pool: bool, running: bool = True) -> nn.Sequential:
    """conv 3x3 -> batch norm -> ReLU (-> 2x2 max-pool): `<block>.0` conv, `<block>.1` norm."""
    layers: list[nn.Module] = [
        nn.Conv2d(cin, CHANNELS, 3, stride=stride, padding=padding),
        nn.BatchNorm2d(CHANNELS, track_running_stats=running),
        nn.ReLU(),
    ]
    if pool:
        layers.append(nn.MaxPool2d(2))
    return nn.Sequential(*layers)


class ConvNet4(nn.Sequential):
    """Four blocks, 1x28x28 in, 64 features out. `maxPool`: padded convs with 2x2 pooling
    (Prototypical Networks, 28 -> 14 -> 7 -> 3 -> 1). `strided`: stride-2 convs, no pooling,
    then the mean over the remaining 2x2 positions (MAML's Omniglot net)."""

    def __init__(self, downsampling: str = "maxPool", running: bool = True):
        strided = downsampling == "strided"
        super().__init__(*[
            conv_block(1 if b == 0 else CHANNELS, stride=2 if strided else 1, pool=not strided, running=running)
            for b in range(4)
        ])
        self.strided = strided

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = super().forward(x)
        if self.strided and (x.shape[2] > 1 or x.shape[3] > 1):
            return x.mean(dim=(2, 3))
        return x.flatten(1)


class ProtoNet(nn.Module):
    """Prototypical Networks; Matching Networks use the same module (the same tensors)."""

    def __init__(self):
        super().__init__()
        self.encoder = ConvNet4("maxPool")

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.encoder(images)


class ConvClassifier(nn.Module):
    """MAML, first-order MAML and Reptile on Omniglot: the strided ConvNet4 without running
    buffers and `classifier` [ways, 64]."""

    def __init__(self, ways: int, downsampling: str = "strided"):
        super().__init__()
        self.encoder = ConvNet4(downsampling, running=False)
        self.classifier = nn.Linear(CHANNELS, ways)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.encoder(images))


class SiameseNetwork(nn.Module):
    """Koch et al.'s pair score σ(w·|f(x1) − f(x2)| + b) on ProtoNet's encoder; `head` [1, 64]."""

    def __init__(self):
        super().__init__()
        self.encoder = ConvNet4("maxPool")
        self.head = nn.Linear(CHANNELS, 1)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.encoder(images)

    def pair_logits(self, queries: torch.Tensor, support: torch.Tensor) -> torch.Tensor:
        """w·|f(q) − f(s)| + b for every query row and support row: [q, s]."""
        return self.head((queries[:, None, :] - support[None, :, :]).abs()).squeeze(-1)


class RelationModule(nn.Module):
    """Two padded conv blocks with pooling on a (query, class) pair of maps, then 64 -> 8 -> 1."""

    def __init__(self, hidden: int = 8):
        super().__init__()
        self.add_module("0", conv_block(2 * CHANNELS, pool=True))
        self.add_module("1", conv_block(CHANNELS, pool=True))
        self.fc1 = nn.Linear(CHANNELS, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, pairs: torch.Tensor) -> torch.Tensor:
        x = getattr(self, "1")(getattr(self, "0")(pairs))
        return torch.sigmoid(self.fc2(torch.relu(self.fc1(x.flatten(1))))).squeeze(-1)


class RelationNetwork(nn.Module):
    """Sung et al.'s Omniglot model: unpadded blocks with pooling, then padded ones without
    (28x28 -> 64x5x5), and the relation module."""

    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(*[
            conv_block(1 if b == 0 else CHANNELS, padding=0 if b < 2 else 1, pool=b < 2) for b in range(4)
        ])
        self.relation = RelationModule()

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.encoder(images)

    def relations(self, query_maps: torch.Tensor, class_maps: torch.Tensor) -> torch.Tensor:
        """Scores in (0, 1) of every query map with every class map, [q, k]: the query's
        channels first, then the class's."""
        q, k = query_maps.shape[0], class_maps.shape[0]
        pairs = torch.cat([
            query_maps[:, None].expand(q, k, *query_maps.shape[1:]),
            class_maps[None].expand(q, k, *class_maps.shape[1:]),
        ], dim=2)
        return self.relation(pairs.reshape(q * k, *pairs.shape[2:])).reshape(q, k)


class SineMLP(nn.Module):
    """MAML's sine regressor 1 -> 40 -> 40 -> 1 with ReLU: `net.0`, `net.2`, `net.4` (both hidden
    layers `hidden` wide; a file's configuration says so in `sineHiddenUnits`, absent for 40)."""

    def __init__(self, hidden: int = 40):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(1, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def sine_forward(params: dict[str, torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    """The sine MLP on inputs [tasks, n, 1] with one weight set per task ([tasks, out, in]):
    how every task of a meta-batch adapts at once, as Episcope's batched inner loop."""
    h = x
    for i, name in enumerate(("net.0", "net.2", "net.4")):
        h = torch.baddbmm(params[f"{name}.bias"].unsqueeze(1), h, params[f"{name}.weight"].transpose(1, 2))
        if i < 2:
            h = torch.relu(h)
    return h


IMAGE_FEATURES = 20 * 20  # Santoro et al.'s drawings, downscaled to 20x20 and flattened


def previous_labels(labels: torch.Tensor, classes: int) -> torch.Tensor:
    """The label input of every step: the one-hot label of the step before, zeros at step 0.
    `labels` [steps, batch] -> [steps, batch, classes]."""
    shown = torch.zeros(*labels.shape, classes)
    shown[1:] = nn.functional.one_hot(labels[:-1], classes).to(shown.dtype)
    return shown


class SequenceLSTM(nn.Module):
    """Santoro et al.'s LSTM baseline: `controller` (an nn.LSTMCell) reads each drawing with the
    previous label, `output` [classes, units] labels the drawing from the hidden state."""

    def __init__(self, classes: int = 5, units: int = 200):
        super().__init__()
        self.classes = classes
        self.controller = nn.LSTMCell(IMAGE_FEATURES + classes, units)
        self.output = nn.Linear(units, classes)

    def forward(self, images: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """Logits [steps * batch, classes], step-major, for drawings [steps, batch, 400] whose
        true labels [steps, batch] arrive one step late."""
        shown = previous_labels(labels, self.classes).to(images.device)
        state = None
        hidden = []
        for t in range(images.shape[0]):
            state = self.controller(torch.cat([images[t], shown[t]], 1), state)
            hidden.append(state[0])
        return self.output(torch.cat(hidden))


def pairwise_cosine(a: torch.Tensor, b: torch.Tensor, eps: float = 1e-8) -> torch.Tensor:
    """Episcope's cosine of every row of a [B, n, d] with every row of b [B, m, d]: [B, n, m]."""
    na = (a.square().sum(-1, keepdim=True) + eps).sqrt()
    nb = (b.square().sum(-1, keepdim=True) + eps).sqrt()
    return (a @ b.transpose(1, 2)) / (na * nb.transpose(1, 2))


class MANN(nn.Module):
    """Santoro et al.'s memory-augmented network, as Episcope's MANN.swift: an LSTM `controller`
    over [drawing, previous label, previous reads]; per head a key tanh(·) and a write gate
    σ(α) from `heads` [heads * (width + 1), units]; least-recently-used writes
    w^w = σ(α) w^r_{t-1} + (1 − σ(α)) w^lu_{t-1} after zeroing the least-used slot; reads
    softmax(cosine(key, M)); `output` on [hidden, reads]. Usage (γ w^u + Σ w^r + w^w) only picks
    slots, so it carries no gradient."""

    def __init__(self, classes: int = 5, units: int = 200, slots: int = 128, width: int = 40, heads: int = 4,
                 usage_decay: float = 0.95):
        super().__init__()
        self.classes, self.slots, self.width, self.read_heads, self.usage_decay = classes, slots, width, heads, usage_decay
        self.controller = nn.LSTMCell(IMAGE_FEATURES + classes + heads * width, units)
        self.heads = nn.Linear(units, heads * (width + 1))
        self.output = nn.Linear(units + heads * width, classes)

    def forward(self, images: torch.Tensor, labels: torch.Tensor, trace: list | None = None) -> torch.Tensor:
        """Logits [steps * batch, classes], step-major. With `trace`, appends per step what the
        memory of sequence 0 did: (read weights, write weights, usage, memory)."""
        steps, batch = labels.shape
        n, w, r = self.slots, self.width, self.read_heads
        device = images.device
        shown = previous_labels(labels, self.classes).to(device)
        # A nearly empty memory (cosines defined), every head having read slot 0, which counts as used.
        memory = torch.full((batch, n, w), 1e-6, device=device)
        reads = torch.zeros(batch, r * w, device=device)
        read_weights = torch.zeros(batch, r, n, device=device)
        read_weights[..., 0] = 1
        usage = torch.zeros(batch, n, device=device)
        usage[:, 0] = 1
        state = None
        features = []
        for t in range(steps):
            state = self.controller(torch.cat([images[t], shown[t], reads], 1), state)
            emitted = self.heads(state[0]).reshape(batch, r, w + 1)
            keys, gate = torch.tanh(emitted[..., :w]), torch.sigmoid(emitted[..., w:])
            # The r least-used slots (ties to the lower slot: a stable sort), the first of them emptied.
            order = torch.sort(usage, dim=1, stable=True).indices
            least_used = torch.zeros(batch, n, device=device).scatter_(1, order[:, :r], 1.0)[:, None, :]
            keep = torch.ones(batch, n, device=device).scatter_(1, order[:, :1], 0.0)[:, :, None]
            write_weights = gate * (read_weights - least_used) + least_used
            memory = memory * keep + write_weights.transpose(1, 2) @ keys
            read_weights = torch.softmax(pairwise_cosine(keys, memory), dim=-1)
            reads = (read_weights @ memory).reshape(batch, r * w)
            usage = (usage * self.usage_decay + (read_weights + write_weights).sum(1)).detach()
            features.append(torch.cat([state[0], reads], 1))
            if trace is not None:
                trace.append(tuple(x[0].detach() for x in (read_weights, write_weights, usage, memory)))
        return self.output(torch.cat(features))


def build(algorithm: str, dataset: str, ways: int = 5, sequence_model: dict | None = None,
          sine_hidden_units: int | None = None) -> nn.Module:
    """The module that a configuration trains, as Episcope's ModelArchitecture picks it
    (`sine_hidden_units`: the configuration's `sineHiddenUnits`, None for the paper's 40)."""
    if dataset == "sine":
        return SineMLP(sine_hidden_units or 40)
    if algorithm in ("protonet", "matching"):
        return ProtoNet()
    if algorithm == "siamese":
        return SiameseNetwork()
    if algorithm == "relation":
        return RelationNetwork()
    if algorithm in ("maml", "fomaml", "reptile"):
        return ConvClassifier(ways)
    if algorithm in ("mann", "lstm"):
        m = {"controllerUnits": 200, "memorySlots": 128, "memoryWidth": 40, "readHeads": 4, "usageDecay": 0.95,
             **(sequence_model or {})}
        if algorithm == "lstm":
            return SequenceLSTM(ways, m["controllerUnits"])
        return MANN(ways, m["controllerUnits"], m["memorySlots"], m["memoryWidth"], m["readHeads"], m["usageDecay"])
    raise ValueError(f"{algorithm} on {dataset} has no PyTorch module here")
