"""malevolence_finetune: which windows a multiple-instance epoch trains on, and what its report says it started from."""
import argparse
import os
import sys
import unittest

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
try:
    import malevolence_finetune as mf  # noqa: E402  (needs torch)
except ImportError:  # pragma: no cover - machines without python3-torch
    mf = None

@unittest.skipIf(mf is None, "python3-torch is not installed (bash training/setup.sh)")
class MilWindowsTest(unittest.TestCase):
    # windows 0-2 belong to positive document 0, 3-4 to negative document 1, 5 to positive document 2
    doc = np.array([0, 0, 0, 1, 1, 2])
    y_doc = np.array([1, 0, 1])

    def test_keeps_only_the_highest_window_of_a_positive_document(self):
        chosen = mf.mil_windows(np.array([0.1, 2.0, -1.0, 0.0, 0.0, 0.5]), np.arange(6), self.doc, self.y_doc)
        self.assertNotIn(0, chosen)
        self.assertIn(1, chosen)
        self.assertNotIn(2, chosen)

    def test_keeps_every_window_of_a_negative_document(self):
        chosen = mf.mil_windows(np.array([0.1, 2.0, -1.0, 3.0, -3.0, 0.5]), np.arange(6), self.doc, self.y_doc)
        self.assertIn(3, chosen)
        self.assertIn(4, chosen)

    def test_keeps_a_single_window_positive_whatever_its_score(self):
        chosen = mf.mil_windows(np.array([0.1, 2.0, -1.0, 0.0, 0.0, -9.0]), np.arange(6), self.doc, self.y_doc)
        self.assertIn(5, chosen)

    def test_works_on_a_subset_of_windows_in_index_order(self):
        idx = np.array([1, 2, 3, 5])
        chosen = mf.mil_windows(np.array([-1.0, 1.0, 0.0, 0.0]), idx, self.doc, self.y_doc)
        self.assertEqual([2, 3, 5], list(chosen))



@unittest.skipIf(mf is None, "python3-torch is not installed (bash training/setup.sh)")
class RecipeTest(unittest.TestCase):
    @staticmethod
    def recipe(**args):
        a = argparse.Namespace(**{"frozen_layers": 3, "objective": "mil", "warmup_epochs": 1, "lr": 3e-5,
                                  "resume": None, "report_from": None, "init_guard": None, "window": 126,
                                  "stride": 64, **args})
        return mf.recipe(a, np.array(["m01", "m04"]), np.array(["train", "val"]))

    def test_names_the_state_a_resumed_run_started_from(self):
        self.assertEqual("corpus/model.onnx", self.recipe(resume="corpus/model.onnx", init_guard="g.pt")["init"])

    def test_names_the_guard_checkpoint_or_stock_minilm_for_a_fresh_run(self):
        self.assertEqual("g.pt", self.recipe(init_guard="g.pt")["init"])
        self.assertEqual("stock MiniLM-L6", self.recipe()["init"])

    def test_lists_only_the_training_writers(self):
        self.assertEqual(["m01"], self.recipe()["writers_train"])

    def test_records_the_window_rule_the_bundle_states(self):
        r = self.recipe(window=254, stride=128)
        self.assertEqual((254, 128), (r["window_tokens"], r["stride_tokens"]))


if __name__ == "__main__":
    unittest.main()
