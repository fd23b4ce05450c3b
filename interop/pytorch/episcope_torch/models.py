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


def build(algorithm: str, dataset: str, ways: int = 5, sine_hidden_units: int | None = None) -> nn.Module:
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
    raise ValueError(f"{algorithm} on {dataset} has no PyTorch module here")
