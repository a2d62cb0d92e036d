"""The screen's clear_below rule (student.calibrate) measured on the scores the guard decides on: with a document
member that raises what the full model scored, a text the screen clears keeps its low score, so the rule must see
the combined scores (screen_refit.py) to keep its recall budget."""
import os
import sys
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

try:
    from student import calibrate  # noqa: E402  (needs torch)
except ImportError:  # pragma: no cover - machines without python3-torch
    calibrate = None

LABELS = ("blackmail", "coercion", "self_preservation")
THRESHOLDS = {l: {"flag": 0.5} for l in LABELS}


def fixture():
    """200 negatives (screen and full model both low) and 100 positives of every label; the screen scores 20 of the
    positives 0.04 (a miss it would clear at any bar over 0.04) where the full model scores them 0.3, below the flag
    threshold, which a member lifts to 0.9."""
    rng = np.random.default_rng(0)
    n_neg, n_pos = 200, 100
    y = np.vstack([np.zeros((n_neg, 3)), np.ones((n_pos, 3))])
    screen = np.vstack([rng.uniform(0.0, 0.03, (n_neg, 3)), rng.uniform(0.6, 0.9, (n_pos, 3))])
    full = np.vstack([rng.uniform(0.0, 0.1, (n_neg, 3)), rng.uniform(0.6, 0.9, (n_pos, 3))])
    hidden = np.arange(n_neg, n_neg + 20)
    screen[hidden] = 0.04
    full[hidden] = 0.3
    lifted = np.zeros(len(y), dtype=bool)
    lifted[hidden] = True
    return y, screen, full, lifted


@unittest.skipIf(calibrate is None, "python3-torch is not installed (bash training/setup.sh)")
class ScreenRefitTest(unittest.TestCase):
    def test_without_the_member_the_rule_clears_the_positives_the_full_model_scores_below_flag_too(self):
        y, screen, full, _ = fixture()
        clear, _ = calibrate(screen, y, full, THRESHOLDS, 0.005, 0.01)
        self.assertGreater(clear["blackmail"], 0.04)

    def test_with_the_member_the_rule_keeps_those_positives_for_the_full_model(self):
        y, screen, full, lifted = fixture()

        def member(p):
            out = p.copy()
            out[lifted & (p == 0.3).all(axis=1)] = 0.9  # the member lifts the full model's score, not the screen's
            return out

        clear, _ = calibrate(screen, y, full, THRESHOLDS, 0.005, 0.01, combine=member)
        self.assertLessEqual(min(clear.values()), 0.04)


if __name__ == "__main__":
    unittest.main()
