"""Each learner's loss on one task and its predictions, with Episcope's semantics
(FewShot/Learning): what the training step minimises and what evaluation reads.

The metric learners embed support and query in one batch (batch norm sees the whole episode).
MAML's family adapts with plain SGD on the whole support set (Reptile: on inner mini-batches)
through `torch.func.functional_call`, so the fast weights are tensors, not module copies.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn
from torch.func import functional_call

from .episodes import Episode, SequenceBatch, SineBatch
from .models import RelationNetwork, SiameseNetwork, sine_forward

# MARK: - Metric learners


def embed_episode(model: nn.Module, e: Episode) -> tuple[torch.Tensor, torch.Tensor]:
    both = model(torch.cat([e.support, e.query]))
    return both[: e.support.shape[0]], both[e.support.shape[0]:]


def squared_distances(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return ((a[:, None, :] - b[None, :, :]) ** 2).sum(-1)


def cosine_similarities(a: torch.Tensor, b: torch.Tensor, eps: float = 1e-8) -> torch.Tensor:
    """Episcope's pairwise cosine: a·b / (√(|a|² + ε) √(|b|² + ε))."""
    na = (a.square().sum(-1, keepdim=True) + eps).sqrt()
    nb = (b.square().sum(-1, keepdim=True) + eps).sqrt()
    return (a @ b.T) / (na * nb.T)


def class_scores(model: nn.Module, algorithm: str, e: Episode, similarity_scale: float = 1.0) -> torch.Tensor:
    """What Episcope's `Evaluator.classify` reports per query and class ([queries, ways]), the
    class with the highest (ProtoNet: lowest) value predicted: ProtoNet's squared distances to
    the prototypes, Matching Networks' log attention mass, the Siamese network's mean pair
    score, the Relation Network's relation score."""
    if algorithm == "relation":
        assert isinstance(model, RelationNetwork)
        support, query = embed_episode(model, e)
        class_maps = support.reshape(e.ways, e.shots, *support.shape[1:]).sum(1)
        return model.relations(query, class_maps)
    support, query = embed_episode(model, e)
    if algorithm == "protonet":
        prototypes = support.reshape(e.ways, e.shots, -1).mean(1)
        return squared_distances(query, prototypes)
    if algorithm == "matching":
        attention = torch.softmax(similarity_scale * cosine_similarities(query, support), dim=-1)
        return torch.log(attention @ F.one_hot(e.support_labels, e.ways).to(attention.dtype))
    if algorithm == "siamese":
        assert isinstance(model, SiameseNetwork)
        scores = torch.sigmoid(model.pair_logits(query, support))
        return scores.reshape(len(query), e.ways, e.shots).mean(-1)
    raise ValueError(f"{algorithm} is not a metric learner")


def metric_loss(model: nn.Module, algorithm: str, e: Episode, similarity_scale: float = 1.0) -> tuple[torch.Tensor, float]:
    """The training loss of one episode and its query accuracy."""
    if algorithm == "siamese":
        assert isinstance(model, SiameseNetwork)
        support, query = embed_episode(model, e)
        logits = model.pair_logits(query, support)
        same = (e.query_labels[:, None] == e.support_labels[None, :]).to(logits.dtype)
        # Same and different pairs get half the loss each, as balanced pair sampling would.
        weights = same * 0.5 / same.sum().clamp(min=1) + (1 - same) * 0.5 / (1 - same).sum().clamp(min=1)
        loss = ((F.softplus(logits) - logits * same) * weights).sum()
        scores = torch.sigmoid(logits).reshape(len(query), e.ways, e.shots).mean(-1)
        return loss, (scores.argmax(-1) == e.query_labels).float().mean().item()
    scores = class_scores(model, algorithm, e, similarity_scale)
    if algorithm == "protonet":
        loss, predicted = F.cross_entropy(-scores, e.query_labels), scores.argmin(-1)
    elif algorithm == "matching":
        loss, predicted = -scores.gather(1, e.query_labels[:, None]).mean(), scores.argmax(-1)
    else:  # relation: MSE of the scores to one-hot
        loss = F.mse_loss(scores, F.one_hot(e.query_labels, e.ways).to(scores.dtype))
        predicted = scores.argmax(-1)
    return loss, (predicted == e.query_labels).float().mean().item()


# MARK: - MAML, first-order MAML, Reptile on Omniglot


def adapt(model: nn.Module, params: dict[str, torch.Tensor], steps: int, step_size: float,
          batches: list[tuple[torch.Tensor, torch.Tensor]], second_order: bool) -> dict[str, torch.Tensor]:
    """Fast weights after `steps` SGD steps, step i on `batches[i]` (images, labels).
    First order: the inner gradients are constants, so the meta-gradient skips (I − αH)."""
    fast = params
    for step in range(steps):
        images, labels = batches[step]
        loss = F.cross_entropy(functional_call(model, fast, (images,)), labels)
        grads = torch.autograd.grad(loss, list(fast.values()), create_graph=second_order)
        fast = {name: p - step_size * g for (name, p), g in zip(fast.items(), grads)}
    return fast


def inner_batches(count: int, size: int, examples: int, generator: torch.Generator) -> list[torch.Tensor]:
    """Reptile's inner mini-batches: passes over the shuffled support set, cut into batches."""
    stream: list[int] = []
    while len(stream) < count * size:
        stream += torch.randperm(examples, generator=generator).tolist()
    return [torch.tensor(stream[i * size:(i + 1) * size]) for i in range(count)]


def classifier_scores(model: nn.Module, e: Episode, steps: int, step_size: float) -> torch.Tensor:
    """The query logits after fine-tuning on the whole support set (how MAML, first-order MAML
    and Reptile are tested), batch norm on each batch's own statistics."""
    params = {n: p.detach().requires_grad_() for n, p in model.named_parameters()}
    with torch.enable_grad():
        fast = adapt(model, params, steps, step_size, [(e.support, e.support_labels)] * steps, second_order=False)
    with torch.no_grad():
        return functional_call(model, {n: p.detach() for n, p in fast.items()}, (e.query,))


# MARK: - Sine regression


def sine_task_losses(params: dict[str, torch.Tensor], x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Each task's mean squared error, [tasks]."""
    return (sine_forward(params, x) - y).square().mean(dim=(1, 2))


def sine_adapt(params: dict[str, torch.Tensor], b: SineBatch, steps: int, step_size: float, second_order: bool,
               after_step=None) -> dict[str, torch.Tensor]:
    """Every task's fast weights ([tasks, ...]) after `steps` SGD steps on its support points.
    The summed loss's gradient for each task's copy is that task's own gradient."""
    tasks = b.support_x.shape[0]
    fast = {n: p.unsqueeze(0).expand(tasks, *p.shape) for n, p in params.items()}
    for step in range(steps):
        loss = sine_task_losses(fast, b.support_x, b.support_y).sum()
        grads = torch.autograd.grad(loss, list(fast.values()), create_graph=second_order)
        fast = {n: p - step_size * g for (n, p), g in zip(fast.items(), grads)}
        if after_step is not None and step < steps - 1:
            after_step(step + 1, fast)
    return fast


def counts(objective: str, step: int, steps: int) -> bool:
    """Whether the query loss after inner step `step` (1-based) enters the meta-loss."""
    return objective == "every" or step == steps or (objective == "first-last" and step == 1)


def sine_meta_losses(params: dict[str, torch.Tensor], b: SineBatch, steps: int, step_size: float,
                     second_order: bool, objective: str) -> torch.Tensor:
    """Each task's meta-loss, [tasks]: the query loss after the last step, or the mean over the
    steps the objective counts (every step, or the first and the last)."""
    losses = []
    def record(step, fast):
        if counts(objective, step, steps):
            losses.append(sine_task_losses(fast, b.query_x, b.query_y))
    fast = sine_adapt(params, b, steps, step_size, second_order, record)
    losses.append(sine_task_losses(fast, b.query_x, b.query_y))
    return torch.stack(losses).mean(0)


def sine_fine_tuning(model: nn.Module, x_support: torch.Tensor, y_support: torch.Tensor, x_query: torch.Tensor,
                     steps: int, step_size: float) -> list[torch.Tensor]:
    """Predictions at `x_query` ([n, 1]) after 0, 1, ..., `steps` SGD steps on one task's support
    points, as Episcope's `eval` and the Sine screen fine-tune."""
    params = {n: p.detach().unsqueeze(0) for n, p in model.named_parameters()}
    outputs = []
    for step in range(steps + 1):
        outputs.append(sine_forward(params, x_query[None]).detach()[0])
        if step == steps:
            break
        leaves = {n: p.requires_grad_() for n, p in params.items()}
        with torch.enable_grad():
            loss = sine_task_losses(leaves, x_support[None], y_support[None]).sum()
            grads = torch.autograd.grad(loss, list(leaves.values()))
        params = {n: (p - step_size * g).detach() for (n, p), g in zip(leaves.items(), grads)}
    return outputs


# MARK: - MANN and its LSTM baseline


def sequence_loss(model: nn.Module, b: SequenceBatch) -> tuple[torch.Tensor, float]:
    """Santoro et al.'s loss, as Episcope's SequenceLearner: the cross-entropy summed over the
    steps and averaged over the sequences; and the fraction of steps labelled right."""
    logits = model(b.images, b.labels)
    targets = b.labels.flatten()
    loss = F.cross_entropy(logits, targets) * b.labels.shape[0]
    return loss, (logits.argmax(-1) == targets).float().mean().item()
