"""Short CPU trainings here, evaluated by Episcope: the files load as Episcope's own models do
(`episcope eval`, `episcope models`), and the figures are far from an untrained model's.
Torchrun with two processes (gloo) trains too, and splits a meta-batch without changing it."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import torch
from safetensors.torch import load_file

from episcope_torch import checkpoint
from episcope_torch.models import build

from support import PACKAGE, binary, data, episcope, omniglot_images
from test_shipped_models import scores_against_episcope, sequence_scores_against_episcope

ENV = {**os.environ, "EPISCOPE_THREADS": "1", "OMP_NUM_THREADS": "1"}


def train(*args: str, processes: int = 1) -> str:
    launcher = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", str(processes)] \
        if processes > 1 else [sys.executable]
    out = subprocess.run([*launcher, "-m", "episcope_torch.train", *args], cwd=PACKAGE, env=ENV, check=True,
                         capture_output=True, text=True)
    return out.stdout


class TrainAndEvalTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        cls.dir = Path(cls.folder.name)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def test_protonet_trained_here_is_well_above_chance_in_episcope(self):
        out = self.dir / "protonet.safetensors"
        train("protonet", "--data", data(), "--ways", "20", "--shots", "1", "--queries", "5", "--iterations", "60",
              "--log-every", "20", "--out", str(out))
        report = episcope("eval", "--checkpoint", str(out), "--episodes", "200", "--json")
        print(f"\nProtoNet, 60 iterations of 20-way 1-shot here: Episcope's 5-way 1-shot accuracy {report['accuracy']:.4f} ± {report['ci95']:.4f}")
        self.assertGreater(report["accuracy"], 0.6)  # chance is 0.2

    def test_sine_maml_trained_here_adapts_in_episcope(self):
        out = self.dir / "maml-sine.safetensors"
        train("maml", "--dataset", "sine", "--iterations", "1500", "--log-every", "500", "--out", str(out))
        report = episcope("eval", "--checkpoint", str(out), "--episodes", "200", "--json")
        print(f"\nsine MAML, 1,500 iterations here: Episcope's MSE before {report['mse_before']}, after 1 step {report['mse_step1']}, 10 steps {report['mse_step10']}")
        self.assertLess(report["mse_step1"], 0.8 * report["mse_before"])
        self.assertLess(report["mse_step10"], report["mse_step1"])

    def test_learners_not_shipped_yet_score_here_as_in_episcope(self):
        # Siamese and Relation Networks have no shipped model to compare with. A few iterations
        # leave their scores near 0.5 for every pair, where a wrong formula could hide, so the
        # weights and running statistics are drawn at random as well, wide enough that scores spread.
        for algorithm in ("siamese", "relation", "matching"):
            trained = self.dir / f"{algorithm}.safetensors"
            train(algorithm, "--data", data(), "--ways", "5", "--queries", "3", "--iterations", "10", "--out", str(trained))
            drawn = self.dir / f"{algorithm}-random.safetensors"
            torch.manual_seed(5)
            net = build(algorithm, "omniglot")
            with torch.no_grad():
                for name, t in net.named_parameters():
                    if name.endswith(".1.weight"):
                        t.uniform_(0.5, 2.0)  # batch norm's scale and shift
                    elif name.endswith(".1.bias"):
                        t.uniform_(-0.3, 0.3)
                    elif name.startswith("relation.fc2"):
                        t.mul_(3)  # relation scores spread over (0, 1) rather than near one value
                # Running statistics of one batch of training drawings (momentum 1), so that each
                # layer's input is on the scale its statistics say.
                for module in net.modules():
                    if isinstance(module, torch.nn.BatchNorm2d):
                        module.momentum = 1.0
                maps = net.train()(omniglot_images()[:20, 0].unsqueeze(1))
                if algorithm == "relation":
                    net.relations(maps[:5], maps[5:10])
            checkpoint.save(net, drawn, checkpoint.standard_configuration(algorithm, "omniglot"), iteration=0,
                            wall_seconds=0, command="random weights")
            # Ten iterations leave scores close together, so only the drawn model must spread them.
            for path, spread in ((trained, False), (drawn, True)):
                worst = max(scores_against_episcope(self, path, seed, spread) for seed in (0, 1))
                print(f"\n  {path.name}: largest relative difference from Episcope's scores {worst:.1e}")

    def test_sequence_models_trained_here_label_as_in_episcope(self):
        # A few iterations leave MANN near its start, so this checks the format and the step-by-step
        # computation on the file written here (the shipped models check trained weights).
        for algorithm in ("mann", "lstm"):
            out = self.dir / f"{algorithm}.safetensors"
            log = train(algorithm, "--data", data(), "--iterations", "20", "--meta-batch", "4", "--log-every", "10",
                        "--out", str(out))
            self.assertIn("wrote", log)
            report = episcope("eval", "--checkpoint", str(out), "--episodes", "40", "--json")
            by_instance = report["accuracy_by_instance"]
            print(f"\n{algorithm}, 20 iterations here: Episcope's accuracy by instance {by_instance}")
            self.assertEqual(sorted(by_instance, key=int), ["1", "2", "3", "4", "5", "10"])
            self.assertEqual(report["episodes"], 40)
            worst = max(sequence_scores_against_episcope(self, out, seed) for seed in (0, 1))
            print(f"  {out.name}: largest relative difference from Episcope's logits {worst:.1e}")

    def test_models_lists_the_files_written_here(self):
        out = self.dir / "listed" / "pretrained-sine.safetensors"
        out.parent.mkdir()
        train("pretrained", "--dataset", "sine", "--iterations", "20", "--out", str(out))
        table = subprocess.run([binary(), "models", "--models", str(out.parent)], check=True, capture_output=True, text=True).stdout
        self.assertIn("| pretrained-sine.safetensors | pretrained, sine K=10, meta-batch 25 | 20 |", table)

    def test_two_processes_split_a_meta_batch_into_the_same_step(self):
        # Sine MAML, and on Omniglot second-order MAML (through batch norm), Reptile's move and
        # MANN's batch of sequences.
        # One MAML step on Omniglot: a convolution's bias before batch norm has a gradient of
        # rounding noise only, which Adam scales to a whole step, so two runs whose sums are
        # ordered differently part by rounding alone after that (3 steps: 5e-4 apart).
        runs = [("maml", ["--dataset", "sine", "--iterations", "30", "--meta-batch", "6"], "net.2.weight"),
                ("maml", ["--data", data(), "--iterations", "1", "--meta-batch", "2"], "classifier.weight"),
                ("reptile", ["--data", data(), "--iterations", "3", "--meta-batch", "2"], "classifier.weight"),
                ("mann", ["--data", data(), "--iterations", "2", "--meta-batch", "4"], "output.weight")]
        for algorithm, options, moved in runs:
            with self.subTest(algorithm=algorithm, options=options[:2]):
                one, two = self.dir / f"{algorithm}-one.safetensors", self.dir / f"{algorithm}-two.safetensors"
                args = [algorithm, *options, "--seed", "3"]
                train(*args, "--out", str(one))
                train(*args, "--out", str(two), processes=2)
                a, b = load_file(str(one)), load_file(str(two))
                self.assertEqual(a.keys(), b.keys())
                for name in a:
                    self.assertLess((a[name] - b[name]).abs().max().item(), 1e-4, name)
                # And the runs moved: equal weights would prove nothing if both stayed where they started.
                torch.manual_seed(3)
                start = build(algorithm, "sine" if "sine" in options else "omniglot").state_dict()
                self.assertGreater((a[moved] - start[moved]).abs().max().item(), 1e-4)

    def test_protonet_under_torchrun_gives_a_model_episcope_evaluates(self):
        out = self.dir / "protonet-ddp.safetensors"
        log = train("protonet", "--data", data(), "--ways", "20", "--shots", "1", "--queries", "5", "--iterations", "30",
                    "--log-every", "10", "--out", str(out), processes=2)
        self.assertIn("wrote", log)
        report = episcope("eval", "--checkpoint", str(out), "--episodes", "200", "--json")
        print(f"\nProtoNet, 30 iterations under torchrun (2 processes, 2 episodes a step): 5-way 1-shot accuracy {report['accuracy']:.4f}")
        self.assertGreater(report["accuracy"], 0.5)


if __name__ == "__main__":
    unittest.main()
