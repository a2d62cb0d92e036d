"""average_weights.py: the mean of checkpoints of one lineage, refused when they do not match."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
try:
    import torch
    import average_weights
except ImportError:  # torch is a Debian package the CI machine may lack
    torch = None


@unittest.skipIf(torch is None, "needs torch")
class AverageWeights(unittest.TestCase):
    def test_float_tensors_are_averaged(self):
        out = average_weights.average([{"w": torch.tensor([1.0, 3.0])}, {"w": torch.tensor([3.0, 5.0])}])
        self.assertTrue(torch.equal(torch.tensor([2.0, 4.0]), out["w"]))

    def test_integer_tensors_come_from_the_last_checkpoint(self):
        out = average_weights.average([{"ids": torch.tensor([1, 2])}, {"ids": torch.tensor([7, 8])}])
        self.assertTrue(torch.equal(torch.tensor([7, 8]), out["ids"]))

    def test_checkpoints_with_different_tensors_are_refused(self):
        with self.assertRaises(ValueError):
            average_weights.average([{"a": torch.zeros(2)}, {"b": torch.zeros(2)}])

    def test_checkpoints_with_different_shapes_are_refused(self):
        with self.assertRaises(ValueError):
            average_weights.average([{"a": torch.zeros(2)}, {"a": torch.zeros(3)}])


if __name__ == "__main__":
    unittest.main()
