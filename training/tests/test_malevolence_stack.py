"""malevolence_stack: the stack's fit and its combination rule (which the Java DocumentStack repeats)."""
import os
import sys
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import malevolence_stack as ms  # noqa: E402


class StackTest(unittest.TestCase):
    def test_fit_recovers_the_weights_of_a_logistic_model(self):
        rng = np.random.default_rng(0)
        x = rng.normal(size=(20000, 2))
        y = (rng.random(20000) < 1 / (1 + np.exp(-(0.8 * x[:, 0] + 0.3 * x[:, 1] - 0.5)))).astype(float)
        coef, bias = ms.fit_stack(x, y)
        np.testing.assert_allclose(coef, [0.8, 0.3], atol=0.05)
        self.assertAlmostEqual(bias, -0.5, delta=0.05)

    def test_combines_the_window_logit_and_the_ngram_logit(self):
        stack = {"window_logit": 1.0, "ngram_logit": 2.0, "bias": -1.0}
        got = ms.stacked(np.array([0.9]), np.array([1.0]), stack)[0]
        self.assertAlmostEqual(got, 1 / (1 + np.exp(-(np.log(9.0) + 1.0))), places=12)

    def test_a_saturated_window_probability_is_clipped_not_infinite(self):
        self.assertTrue(np.isfinite(ms.window_logit([0.0, 1.0])).all())

    def test_the_documents_highest_window_stays_its_highest(self):
        stack = {"window_logit": 0.4, "ngram_logit": 0.37, "bias": -0.5}
        p = np.array([0.2, 0.7, 0.5])
        s = ms.stacked(p, np.full(3, 0.3), stack)
        self.assertEqual(int(np.argmax(p)), int(np.argmax(s)))


if __name__ == "__main__":
    unittest.main()
