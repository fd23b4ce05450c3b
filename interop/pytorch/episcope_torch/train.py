"""Train an Episcope learner with PyTorch, on one CPU, one GPU or many processes:

    python -m episcope_torch.train protonet --data /path/to/omniglot --out protonet.safetensors
    torchrun --nproc_per_node 2 -m episcope_torch.train maml --dataset sine --out maml-sine.safetensors

Under torchrun every process takes its share of each iteration's tasks (task i of the batch goes
to rank i mod W, each drawn from a generator seeded by the run's seed and the task's index) and
DistributedDataParallel all-reduces the gradients. A MAML-family, sine or MANN/LSTM batch is
split, so the step is the one a single process takes; a metric learner's step averages one episode per
process (Episcope's runs take one), so W processes train with W episodes per step.
"""
from __future__ import annotations

import argparse
import os
import shlex
import sys
import time

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel

from . import checkpoint, learners
from .episodes import EpisodeSampler, SequenceSampler, shard, sine_batch, task_generator
from .models import build

METRIC = ("protonet", "matching", "siamese", "relation")
SEQUENCE = ("mann", "lstm")
TRAINED = {"omniglot": METRIC + ("maml", "fomaml", "reptile") + SEQUENCE, "sine": ("maml", "fomaml", "reptile", "pretrained")}


class TrainingStep(nn.Module):
    """One iteration's loss on this process's tasks, each weighted by W / (tasks in the whole
    batch), so that DDP's mean over the W processes is the mean over the batch. Its forward
    is the whole learner step, so DDP wraps it and sees every use of the weights."""

    def __init__(self, model: nn.Module, c: dict):
        super().__init__()
        self.model, self.c = model, c

    def forward(self, tasks, weight: float, reptile_step: int = 0):
        c, a = self.c, self.c["algorithm"]
        if c["dataset"] == "sine":
            return self.sine(tasks, weight)
        if a in SEQUENCE:  # this process's sequences, weighted as one share of the whole batch
            loss, accuracy = learners.sequence_loss(self.model, tasks)
            return loss * weight * tasks.labels.shape[1], accuracy
        if a in METRIC:
            results = [learners.metric_loss(self.model, a, e, c.get("similarityScale") or 1.0) for e in tasks]
            return sum(loss for loss, _ in results) * weight, sum(acc for _, acc in results) / len(results)
        params = dict(self.model.named_parameters())
        total, correct = 0, 0.0
        for e, batches in tasks:
            if a == "reptile":
                phi = learners.adapt(self.model, {n: p.detach().requires_grad_() for n, p in params.items()},
                                     c["innerSteps"], c["innerStepSize"], batches, second_order=False)
                # θ − mean φ is the gradient of ½‖θ − φ‖²: a step of ε on it is Reptile's move.
                total = total + weight * sum(0.5 * (params[n] - phi[n].detach()).square().sum() for n in params)
                with torch.no_grad():
                    logits = torch.func.functional_call(self.model, {n: p.detach() for n, p in phi.items()}, (e.query,))
            else:
                fast = learners.adapt(self.model, params, c["innerSteps"], c["innerStepSize"], batches,
                                      second_order=a == "maml")
                logits = torch.func.functional_call(self.model, fast, (e.query,))
                total = total + weight * nn.functional.cross_entropy(logits, e.query_labels)
            correct += (logits.argmax(-1) == e.query_labels).float().mean().item()
        return total, correct / len(tasks)

    def sine(self, b, weight: float):
        c, a = self.c, self.c["algorithm"]
        params = dict(self.model.named_parameters())
        if a == "pretrained":
            x, y = torch.cat([b.support_x, b.query_x], 1), torch.cat([b.support_y, b.query_y], 1)
            losses = (self.model(x) - y).square().mean(dim=(1, 2))
        elif a == "reptile":
            phi = learners.sine_adapt({n: p.detach().requires_grad_() for n, p in params.items()}, b, c["innerSteps"], c["innerStepSize"],
                                      second_order=False)
            losses = sum(0.5 * (params[n].unsqueeze(0) - phi[n].detach()).square().flatten(1).sum(1) for n in params)
        else:
            losses = learners.sine_meta_losses(params, b, c["innerSteps"], c["innerStepSize"], a == "maml",
                                               c.get("metaObjective") or "last")
        return losses.sum() * weight, None


class OneLineErrors(argparse.ArgumentParser):
    """A mistake on the command line is one line (and exit 2), not the whole usage."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message}\n")


def parse(argv: list[str]) -> argparse.Namespace:
    p = OneLineErrors(prog="python -m episcope_torch.train", description=__doc__.split("\n\n")[0])
    p.add_argument("algorithm", choices=sorted(set(TRAINED["omniglot"] + TRAINED["sine"])))
    p.add_argument("--dataset", choices=("omniglot", "sine"), default="omniglot")
    p.add_argument("--out", required=True, help="model file to write (.safetensors)")
    p.add_argument("--data", default=os.environ.get("EPISCOPE_DATA"), help="folder of the Omniglot zips (default $EPISCOPE_DATA)")
    p.add_argument("--split", choices=("vinyals", "lake"))
    for name in ("iterations", "ways", "shots", "queries", "meta-batch", "inner-steps", "lr-decay-every", "seed"):
        p.add_argument(f"--{name}", type=int)
    p.add_argument("--inner-step-size", type=float)
    p.add_argument("--hidden-units", type=int, help="sine: units in each hidden layer of the MLP (paper: 40)")
    p.add_argument("--lr", type=float, help="outer step size (Adam; Reptile's ε)")
    p.add_argument("--similarity-scale", type=float)
    p.add_argument("--meta-loss", choices=("last", "every", "first-last"))
    p.add_argument("--log-every", type=int, default=50)
    p.add_argument("--checkpoint-every", type=int, default=0, help="also write the model every N iterations")
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    p.add_argument("--threads", type=int, default=int(os.environ.get("EPISCOPE_THREADS", "0")) or None,
                   help="CPU threads per process (default $EPISCOPE_THREADS, else PyTorch's)")
    args = p.parse_args(argv)
    if args.algorithm not in TRAINED[args.dataset]:
        p.error(f"{args.algorithm} is not defined on {args.dataset} (there: {', '.join(TRAINED[args.dataset])})")
    if args.dataset == "omniglot" and not args.data:
        p.error("Omniglot needs --data DIR (the folder of images_background.zip) or $EPISCOPE_DATA")
    if not os.path.isdir(os.path.dirname(os.path.abspath(args.out))):
        p.error(f"--out {args.out}: its folder does not exist")  # found now, not after the training
    return args


def configure(args: argparse.Namespace) -> dict:
    c = checkpoint.standard_configuration(args.algorithm, args.dataset)
    for key, option in [("split", "split"), ("iterations", "iterations"), ("ways", "ways"), ("shots", "shots"),
                        ("queries", "queries"), ("metaBatch", "meta_batch"), ("innerSteps", "inner_steps"),
                        ("innerStepSize", "inner_step_size"), ("metaStepSize", "lr"), ("seed", "seed"),
                        ("learningRateDecayInterval", "lr_decay_every"), ("similarityScale", "similarity_scale"),
                        ("metaObjective", "meta_loss")]:
        if getattr(args, option) is not None:
            c[key] = getattr(args, option)
    if args.hidden_units is not None:
        if c["dataset"] != "sine":
            raise SystemExit("error: --hidden-units sizes the sine MLP; omniglot models have no such network")
        if not 1 <= args.hidden_units <= 1024:
            raise SystemExit(f"error: --hidden-units must be 1...1024, got {args.hidden_units}")
        if args.hidden_units != 40:
            c["sineHiddenUnits"] = args.hidden_units  # absent means the paper's 40, as in Episcope
    if c["algorithm"] in ("maml", "fomaml", "reptile") and c["dataset"] == "omniglot":
        c["validationWays"] = c["ways"]  # Episcope sizes the classifier by it
    if c["algorithm"] in SEQUENCE:
        c["validationWays"], c["validationShots"] = c["ways"], c["shots"]
    for key in ("ways", "shots", "queries", "metaBatch", "innerSteps", "iterations"):
        if c[key] < 1:
            raise SystemExit(f"error: {key} must be at least 1, got {c[key]}")
    return c


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    c = configure(args)
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    device = torch.device(args.device)
    if device.type == "cuda":
        device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
        torch.cuda.set_device(device)
    if args.threads:
        torch.set_num_threads(args.threads)
    if world > 1:
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")

    sampler = None
    if c["dataset"] == "omniglot":
        from .omniglot import Omniglot, load_split

        if world > 1 and rank != 0:
            dist.barrier()  # rank 0 decodes the zips into the cache first
        try:
            part = "trainval" if c["split"] == "vinyals" else "train"
            if c["algorithm"] in SEQUENCE:  # Santoro et al.'s 20x20 drawings
                omniglot = Omniglot.load(args.data, side=20)
                sampler = SequenceSampler(torch.from_numpy(omniglot.images), load_split(omniglot, args.data, c["split"], part),
                                          c["ways"], c["shots"])
            else:
                omniglot = Omniglot.load(args.data)
                sampler = EpisodeSampler(torch.from_numpy(omniglot.images), load_split(omniglot, args.data, c["split"], part),
                                         c["ways"], c["shots"], c["queries"])
        except (OSError, ValueError, KeyError) as error:
            raise SystemExit(f"error: {error}")
        finally:
            if world > 1 and rank == 0:
                dist.barrier()

    torch.manual_seed(c["seed"])  # the same initial weights on every process
    model = build(c["algorithm"], c["dataset"], c["ways"], c.get("sequenceModel"), c.get("sineHiddenUnits")).to(device)
    step = TrainingStep(model, c).to(device)
    wrapped = DistributedDataParallel(step) if world > 1 else step
    reptile = c["algorithm"] == "reptile"
    optimizer = (torch.optim.SGD if reptile else torch.optim.Adam)(model.parameters(), lr=c["metaStepSize"])
    decay = c["learningRateDecayInterval"]
    schedule = torch.optim.lr_scheduler.StepLR(optimizer, decay, c["learningRateDecay"]) if decay > 0 and not reptile else None

    batch = max(c["metaBatch"], world)
    weight = world / batch
    command = "python -m episcope_torch.train " + shlex.join(sys.argv[1:] if argv is None else argv)
    if world > 1:
        command += f"  # under torchrun, {world} processes"
    started = time.monotonic()
    model.train()
    for iteration in range(c["iterations"]):
        mine = shard(range(iteration * batch, (iteration + 1) * batch), rank, world)
        generators = [task_generator(c["seed"], i) for i in mine]
        if c["dataset"] == "sine":
            tasks = sine_batch(generators, c["shots"], c["queries"]).to(device)
        elif c["algorithm"] in METRIC:
            tasks = [sampler.sample(g).to(device) for g in generators]
        elif c["algorithm"] in SEQUENCE:
            tasks = sampler.batch(generators).to(device)
        else:
            tasks = []
            for g in generators:
                e = sampler.sample(g).to(device)
                if c.get("innerBatch") and c["innerBatch"] < len(e.support_labels):
                    rows = learners.inner_batches(c["innerSteps"], c["innerBatch"], len(e.support_labels), g)
                    batches = [(e.support[r], e.support_labels[r]) for r in rows]
                else:
                    batches = [(e.support, e.support_labels)] * c["innerSteps"]
                tasks.append((e, batches))
        if reptile:
            for group in optimizer.param_groups:  # ε annealed linearly to zero, as Nichol et al.
                group["lr"] = c["metaStepSize"] * (1 - iteration / c["iterations"])
        optimizer.zero_grad(set_to_none=True)
        loss, accuracy = wrapped(tasks, weight)
        loss.backward()
        optimizer.step()
        if schedule:
            schedule.step()
        if not torch.isfinite(loss):
            raise SystemExit(f"error: the loss diverged at iteration {iteration + 1} ({loss.item()})")
        done = iteration + 1
        if rank == 0 and (done % args.log_every == 0 or done == c["iterations"]):
            # Rank 0's share of the batch; Reptile's loss is ½‖θ − φ‖², so its query accuracy says more.
            shown = "" if reptile else f"  loss {loss.item():.4f}"
            extra = f"  query accuracy {accuracy:.3f}" if accuracy is not None else ""
            print(f"iteration {done}/{c['iterations']}{shown}{extra}  {time.monotonic() - started:.1f} s", flush=True)
        if rank == 0 and (done == c["iterations"] or (args.checkpoint_every and done % args.checkpoint_every == 0)):
            checkpoint.save(model, args.out, c, iteration=done, wall_seconds=time.monotonic() - started, command=command)
    if rank == 0:
        print(f"wrote {args.out}", flush=True)
    if world > 1:
        dist.destroy_process_group()
    return 0


if __name__ == "__main__":
    sys.exit(main())
