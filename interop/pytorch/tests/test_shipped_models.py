"""Each shipped model in assets/models, loaded into its PyTorch module (strict), gives the
scores Episcope gives on the same episodes, to 1e-4: `episcope episode --json --checkpoint M`
prints Episcope's (`--sequence` for MANN and the LSTM: logits at every step of a sequence), and
the drawings are read here from the zips by their index."""
from __future__ import annotations

import unittest

import torch
from safetensors.torch import load_file

from episcope_torch import checkpoint, learners
from episcope_torch.episodes import Episode
from episcope_torch.models import build

from support import MODELS, data, drawing, episcope

SEEDS = (0, 1, 2)
TOLERANCE = 1e-4


def relative_error(ours: torch.Tensor, theirs: torch.Tensor) -> float:
    return ((ours - theirs).abs() / theirs.abs().clamp(min=1)).max().item()


def load_model(path):
    """The module of an Episcope model file with its weights (a strict load) and configuration."""
    _, c = checkpoint.load(path)
    net = build(c["algorithm"], c["dataset"], c["validationWays"], c.get("sequenceModel"), c.get("sineHiddenUnits"))
    net.load_state_dict(load_file(str(path)), strict=True)
    return net.eval(), c


def scores_against_episcope(test: unittest.TestCase, path, seed: int, spread: bool = True) -> float:
    """Checks the scores and predictions of the model at `path` on test episode `seed` against
    Episcope's (`episode --json --checkpoint`, 3 queries per class) and returns the largest
    relative difference. With `spread`, some query's scores must differ by 0.01 between classes:
    scores that hardly differ would agree whatever the formula."""
    net, c = load_model(path)
    shots = c["validationShots"] if c["algorithm"] == "reptile" else 1
    split = "lake" if c["split"] == "lake" else "vinyals"
    answer = episcope("episode", "--json", "--checkpoint", str(path), "--split", split, "--part", "test",
                      "--ways", str(c["validationWays"]), "--shots", str(shots), "--queries", "3", "--seed", str(seed))
    e = Episode(
        torch.stack([drawing(d) for k in answer["classes"] for d in k["support"]]).unsqueeze(1),
        torch.tensor([k["label"] for k in answer["classes"] for _ in k["support"]]),
        torch.stack([drawing(q["drawing"]) for q in answer["queries"]]).unsqueeze(1),
        torch.tensor([q["label"] for q in answer["queries"]]), answer["ways"], answer["shots"])
    with torch.no_grad():
        if c["algorithm"] in ("maml", "fomaml", "reptile"):
            ours = learners.classifier_scores(net, e, c["evaluationInnerSteps"], c["innerStepSize"])
        else:
            ours = learners.class_scores(net, c["algorithm"], e, c.get("similarityScale") or 1.0)
    theirs = torch.tensor(answer["model"]["scores"])
    error = relative_error(ours, theirs)
    where = f"{path.name}, test episode {seed}"
    test.assertLessEqual(error, TOLERANCE, where)
    if spread:
        test.assertGreater((theirs.max(-1).values - theirs.min(-1).values).max().item(), 1e-2, where)
    predicted = ours.argmin(-1) if c["algorithm"] == "protonet" else ours.argmax(-1)
    test.assertEqual(predicted.tolist(), answer["model"]["predictions"], where)
    return error


def sequence_scores_against_episcope(test: unittest.TestCase, path, seed: int) -> float:
    """Checks the logits and labels of the MANN or LSTM at `path` at every step of test sequence
    `seed` against Episcope's (`episode --sequence --json --checkpoint`) and returns the largest
    relative difference. The 50 steps carry the memory and the LSTM's state from step to step, so
    a wrong addressing or gate order shows up as drift here."""
    net, c = load_model(path)
    answer = episcope("episode", "--sequence", "--json", "--checkpoint", str(path), "--part", "test",
                      "--ways", str(c["ways"]), "--shots", str(c["shots"]), "--seed", str(seed))
    images = torch.stack([drawing(s["drawing"], side=20) for s in answer["steps"]]).flatten(1)[:, None, :]
    labels = torch.tensor([s["label"] for s in answer["steps"]])[:, None]
    with torch.no_grad():
        ours = net(images, labels)
    theirs = torch.tensor(answer["model"]["scores"])
    error = relative_error(ours, theirs)
    where = f"{path.name}, test sequence {seed}"
    test.assertLessEqual(error, TOLERANCE, where)
    test.assertGreater((theirs.max(-1).values - theirs.min(-1).values).max().item(), 1e-2, where)
    test.assertEqual(ours.argmax(-1).tolist(), answer["model"]["predictions"], where)
    return error


def report(worst: dict[str, float]) -> None:
    print("".join(f"\n  {name}: largest relative difference {error:.1e}" for name, error in sorted(worst.items())))


class ShippedModelsTests(unittest.TestCase):
    def setUp(self):
        torch.set_num_threads(1)
        self.files = sorted(MODELS.glob("*.safetensors"))
        self.assertTrue(self.files, f"no models in {MODELS}")

    def test_omniglot_models_score_every_query_as_episcope_does(self):
        data()
        worst: dict[str, float] = {}
        for path in self.files:
            c = load_model(path)[1]
            if c["algorithm"] in ("mann", "lstm"):
                worst[path.name] = max(sequence_scores_against_episcope(self, path, seed) for seed in SEEDS)
            elif c["dataset"] == "omniglot":
                worst[path.name] = max(scores_against_episcope(self, path, seed) for seed in SEEDS)
        report(worst)

    def test_sine_models_fine_tune_as_episcope_does(self):
        worst: dict[str, float] = {}
        for path in self.files:
            net, c = load_model(path)
            if c["dataset"] != "sine":
                continue
            for seed in SEEDS:
                with self.subTest(model=path.name, seed=seed):
                    answer = episcope("episode", "--dataset", "sine", "--shots", "5", "--queries", "10", "--seed", str(seed),
                                      "--json", "--checkpoint", str(path))
                    points = lambda key, axis: torch.tensor([[p[axis]] for p in answer[key]])
                    theirs = torch.tensor(answer["model"]["predictions_by_step"])
                    ours = learners.sine_fine_tuning(net, points("support", "x"), points("support", "y"), points("query", "x"),
                                                     len(theirs) - 1, answer["model"]["step_size"])
                    worst[path.name] = max(worst.get(path.name, 0.0), relative_error(torch.stack(ours).squeeze(-1), theirs))
                    self.assertLessEqual(relative_error(torch.stack(ours).squeeze(-1), theirs), TOLERANCE)
        report(worst)


if __name__ == "__main__":
    unittest.main()
