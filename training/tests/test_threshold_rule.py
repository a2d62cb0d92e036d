"""evaluate.py's threshold rule: the flag rate is chosen by leaving one validation writer out, so thresholds
fitted on some writers are judged on the hard negatives of a writer they never saw."""
import os
import sys
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import evaluate  # noqa: E402

LABELS = evaluate.LABELS


def writer_rows(name, n, scale, rng):
    """n benign hard negatives of one writer, scores uniform in [0, scale) on every label."""
    return (np.zeros((n, len(LABELS))), rng.uniform(0, scale, (n, len(LABELS))),
            np.ones(n, dtype=bool), np.array([name] * n))


def stack(*parts):
    return tuple(np.concatenate(cols) for cols in zip(*parts))


class ThresholdRuleTest(unittest.TestCase):
    def setUp(self):
        self.rng = np.random.default_rng(7)

    def test_writers_alike_keep_a_permissive_rate(self):
        y, s, hard, w = stack(*(writer_rows(f"w{i}", 400, 1.0, self.rng) for i in range(4)))
        rate, table = evaluate.choose_flag_rate(y, s, hard, w)
        mean = np.mean(list(table[rate].values()))
        self.assertLessEqual(mean, evaluate.HELD_OUT_TARGET)
        self.assertGreaterEqual(rate, 0.02)

    def test_a_writer_with_harder_negatives_lowers_the_rate(self):
        alike = stack(*(writer_rows(f"w{i}", 400, 1.0, self.rng) for i in range(4)))
        rate_alike, _ = evaluate.choose_flag_rate(*alike)
        # w9's hard negatives reach higher scores than everyone else's: thresholds fitted without it stop many.
        y, s, hard, w = stack(*(writer_rows(f"w{i}", 400, 0.9, self.rng) for i in range(3)),
                              writer_rows("w9", 400, 1.0, self.rng))
        rate, table = evaluate.choose_flag_rate(y, s, hard, w)
        self.assertLess(rate, rate_alike)
        self.assertLessEqual(np.mean(list(table[rate].values())), evaluate.HELD_OUT_TARGET)
        looser = evaluate.FLAG_RATES[evaluate.FLAG_RATES.index(rate) - 1]
        self.assertGreater(np.mean(list(table[looser].values())), evaluate.HELD_OUT_TARGET)

    def test_template_and_public_rows_are_never_left_out(self):
        y, s, hard, w = stack(writer_rows("w1", 300, 1.0, self.rng), writer_rows("w2", 300, 1.0, self.rng),
                              writer_rows("template", 300, 1.0, self.rng), writer_rows("public", 300, 1.0, self.rng))
        table = evaluate.held_out_writer_rates(y, s, hard, w, 0.02)
        self.assertEqual(sorted(table), ["w1", "w2"])

    def test_one_writer_falls_back_to_the_default_rate(self):
        y, s, hard, w = stack(writer_rows("w1", 300, 1.0, self.rng), writer_rows("template", 300, 1.0, self.rng))
        rate, _ = evaluate.choose_flag_rate(y, s, hard, w)
        self.assertEqual(rate, evaluate.DEFAULT_FLAG_RATE)

    def test_levels_are_ordered_and_follow_the_rate(self):
        y, s, hard, _ = writer_rows("w1", 2000, 1.0, self.rng)
        th = evaluate.calibrate(y, s, hard, 0.02)
        for label in LABELS:
            t = th[label]
            self.assertLessEqual(t["flag"], t["require_approval"])
            self.assertLessEqual(t["require_approval"], t["block"])
            stopped = (s[:, LABELS.index(label)] >= t["flag"]).mean()
            self.assertAlmostEqual(stopped, 0.02, delta=0.001)

    def test_positives_are_not_negatives_of_the_fit(self):
        y, s, hard, w = writer_rows("w1", 1000, 0.5, self.rng)
        pos_y = np.tile([1.0, 0.0, 0.0], (50, 1))
        pos_s = np.full((50, len(LABELS)), 0.99)
        with_pos = evaluate.calibrate(np.vstack([y, pos_y]), np.vstack([s, pos_s]),
                                      np.concatenate([hard, np.ones(50, dtype=bool)]), 0.02)
        self.assertEqual(with_pos, evaluate.calibrate(y, s, hard, 0.02))


if __name__ == "__main__":
    unittest.main()
