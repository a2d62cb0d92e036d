"""base_model.text_prefix: the encoder's own prefix unless ALIGNGUARD_TEXT_PREFIX overrides it."""
import importlib.util
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
HAS_TORCH = importlib.util.find_spec("torch") is not None


@unittest.skipUnless(HAS_TORCH, "base_model needs torch")
class TextPrefixTest(unittest.TestCase):
    def setUp(self):
        import base_model
        self.text_prefix = base_model.text_prefix

    def test_keeps_the_encoders_prefix_without_an_override(self):
        self.assertEqual("query: ", self.text_prefix("query: ", None))

    def test_none_trains_on_bare_text(self):
        self.assertEqual("", self.text_prefix("query: ", "none"))

    def test_any_other_override_replaces_the_prefix(self):
        self.assertEqual("passage: ", self.text_prefix("query: ", "passage: "))


if __name__ == "__main__":
    unittest.main()
