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

from episcope_torch.models import SineMLP

from support import PACKAGE, binary, data, episcope

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

    def test_models_lists_the_files_written_here(self):
        out = self.dir / "listed" / "pretrained-sine.safetensors"
        out.parent.mkdir()
        train("pretrained", "--dataset", "sine", "--iterations", "20", "--out", str(out))
        table = subprocess.run([binary(), "models", "--models", str(out.parent)], check=True, capture_output=True, text=True).stdout
        self.assertIn("| pretrained-sine.safetensors | pretrained, sine K=10, meta-batch 25 | 20 |", table)

    def test_two_processes_split_a_meta_batch_into_the_same_step(self):
        one, two = self.dir / "one.safetensors", self.dir / "two.safetensors"
        args = ["maml", "--dataset", "sine", "--iterations", "30", "--meta-batch", "6", "--seed", "3"]
        train(*args, "--out", str(one))
        train(*args, "--out", str(two), processes=2)
        a, b = load_file(str(one)), load_file(str(two))
        self.assertEqual(a.keys(), b.keys())
        for name in a:
            self.assertLess((a[name] - b[name]).abs().max().item(), 1e-4, name)
        # And the runs moved: equal weights would prove nothing if both stayed where they started.
        torch.manual_seed(3)
        start = SineMLP().state_dict()
        self.assertGreater((a["net.2.weight"] - start["net.2.weight"]).abs().max().item(), 1e-3)

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
