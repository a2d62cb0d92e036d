"""malevolence_finetune.mil_windows: which windows a multiple-instance epoch trains on."""
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


if __name__ == "__main__":
    unittest.main()
