"""frozen_heads.py's train sample and feature scaling (torch and the encoders are stubbed; nothing embeds)."""
import os
import sys
import unittest
from unittest import mock

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import metrics  # noqa: E402,F401  (imported here, so the patched sys.modules below never unloads them)
import texts  # noqa: E402,F401


def load():
    stubs = {name: mock.MagicMock() for name in ("torch", "common", "base_model", "probe", "select_report")}
    with mock.patch.dict(sys.modules, stubs):
        sys.modules.pop("frozen_heads", None)
        try:
            import frozen_heads
            return frozen_heads
        finally:
            sys.modules.pop("frozen_heads", None)


fh = load()


class TrainSample(unittest.TestCase):
    records = [{"id": i} for i in range(1000)]

    def test_is_the_same_for_the_same_seed(self):
        self.assertEqual(fh.train_sample(self.records, 50, 1234), fh.train_sample(self.records, 50, 1234))

    def test_larger_sample_keeps_every_record_of_a_smaller_one(self):
        small = {r["id"] for r in fh.train_sample(self.records, 50, 1234)}
        large = {r["id"] for r in fh.train_sample(self.records, 200, 1234)}
        self.assertEqual(50, len(small))
        self.assertTrue(small <= large)

    def test_keeps_the_corpus_order(self):
        ids = [r["id"] for r in fh.train_sample(self.records, 100, 7)]
        self.assertEqual(sorted(ids), ids)


class Standardised(unittest.TestCase):
    def test_gives_the_train_sample_zero_mean_and_unit_spread_per_feature(self):
        x = np.random.default_rng(0).normal([5.0, -2.0], [3.0, 0.1], size=(500, 2))
        z = fh.Standardised(x)(x)
        np.testing.assert_allclose(z.mean(0), 0.0, atol=1e-9)
        np.testing.assert_allclose(z.std(0), 1.0, atol=1e-4)


if __name__ == "__main__":
    unittest.main()
