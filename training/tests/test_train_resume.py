"""train.py --run-state: a run stopped part-way and started again with the same arguments ends with the weights
of a run that was never stopped. The encoder and tokenizer are replaced by a tiny stand-in (with dropout, so the
random state matters); the training loop, schedule, batch order, evaluation and saving are train.py's own."""
import json
import os
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
try:
    import torch
    import torch.nn as nn
    import train  # noqa: E402  (needs torch)
except ImportError:  # pragma: no cover - machines without python3-torch
    train = None


class Killed(Exception):
    pass


def tiny_model(seed):
    torch.manual_seed(seed)

    class Tiny(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = nn.Module()
            self.encoder.embeddings = nn.Embedding(128, 8)
            self.encoder.layers = nn.ModuleList([nn.Linear(8, 8), nn.Linear(8, 8)])
            self.drop = nn.Dropout(0.3)
            self.head = nn.Linear(8, 3)

        def forward(self, ids, mask):
            x = self.encoder.embeddings(ids)
            for layer in self.encoder.layers:
                x = torch.tanh(layer(self.drop(x)))
            m = mask.unsqueeze(-1).float()
            return self.head((x * m).sum(1) / m.sum(1).clamp(min=1.0))

    return Tiny()


def write_corpus(d):
    rows = []
    for i in range(90):
        label = ["blackmail", "coercion", "self_preservation", "none"][i % 4]
        rows.append({"id": f"r{i}", "kind": "output", "text": f"text {i} {label} " + "x" * (i % 7),
                     "labels": {l: int(l == label) for l in train.LABELS}})
    for name, part in (("train.jsonl", rows[:70]), ("val.jsonl", rows[70:])):
        with open(os.path.join(d, name), "w") as f:
            f.writelines(json.dumps(r) + "\n" for r in part)


@unittest.skipIf(train is None, "python3-torch is not installed (bash training/setup.sh)")
class ResumeTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        write_corpus(self.dir)
        self.saved = (train.new_guard_model, train.common.encode_texts, train.evaluate_val)
        train.new_guard_model = tiny_model
        train.common.encode_texts = lambda texts, n: [[1 + ord(c) % 120 for c in t][:n] for t in texts]
        # every evaluation scores higher than the last, so --out always holds the weights at the run's end
        train.evaluate_val = lambda *a: {"macro_auroc": float(time.monotonic_ns()), "auroc": {},
                                         "item_macro_auroc": 0.0, "bce": 0.0}

    def tearDown(self):
        train.new_guard_model, train.common.encode_texts, train.evaluate_val = self.saved

    def args(self, out, *extra):
        return ["--corpus-dir", self.dir, "--out", os.path.join(self.dir, out), "--epochs", "3", "--batch-size", "8",
                "--time-budget-min", "0", "--freeze-layers", "1", "--log-every", "1000", *extra]

    def final_weights(self, out):
        """The weights after the last epoch (see setUp: the last evaluation is always the best)."""
        return torch.load(os.path.join(self.dir, out), map_location="cpu")

    def killed_at_save(self, n, *args):
        """Runs train.main(args) until its n-th run-state save has been written, then stops it there."""
        real, calls = train.save_run_state, {"n": 0}

        def save_then_die(*a, **k):
            real(*a, **k)
            calls["n"] += 1
            if calls["n"] == n:
                raise Killed()

        train.save_run_state = save_then_die
        try:
            with self.assertRaises(Killed):
                train.main(self.args(*args))
        finally:
            train.save_run_state = real

    def test_a_run_stopped_mid_epoch_and_resumed_ends_as_if_never_stopped(self):
        train.main(self.args("whole.pt"))
        state = os.path.join(self.dir, "run.state")
        self.killed_at_save(3, "split.pt", "--run-state", state, "--save-every", "5")  # the third save: epoch 2
        self.assertTrue(os.path.exists(state))
        train.main(self.args("split.pt", "--run-state", state, "--save-every", "5"))
        whole, split = self.final_weights("whole.pt"), self.final_weights("split.pt")
        for k in whole:
            self.assertTrue(torch.equal(whole[k], split[k]), k)
        self.assertFalse(os.path.exists(state), "the state is removed when the run ends")

    def test_refuses_a_state_saved_under_other_arguments(self):
        state = os.path.join(self.dir, "run.state")
        self.killed_at_save(1, "a.pt", "--run-state", state, "--save-every", "2")
        with self.assertRaises(SystemExit) as e:
            train.main(self.args("a.pt", "--run-state", state, "--save-every", "2", "--lr", "1e-3"))
        self.assertIn("lr", str(e.exception))

    def test_a_run_state_needs_a_fixed_step_count(self):
        with self.assertRaises(SystemExit):
            train.parse_args(["--run-state", "x", "--time-budget-min", "5"])


if __name__ == "__main__":
    unittest.main()
