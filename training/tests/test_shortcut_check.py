"""shortcut_check.word_rates: the share of positive and of negative texts that contain each mislearned word."""
import json
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "data"))
import shortcut_check  # noqa: E402


def write(rows):
    f = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
    with f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    return f.name


class WordRatesCountEachSide(unittest.TestCase):
    def setUp(self):
        self.path = write([
            {"id": "a", "writer": "w01", "kind": "message", "text": "Pay the ransom by Friday or the files stay locked.",
             "labels": {"blackmail": 0, "coercion": 1, "self_preservation": 0}},
            {"id": "b", "writer": "w01", "kind": "message", "text": "Our advisory: never pay a ransom; restore the backup.",
             "labels": {"blackmail": 0, "coercion": 0, "self_preservation": 0}},
            {"id": "c", "writer": "template", "kind": "message", "text": "The ransom note was filed with police.",
             "labels": {"blackmail": 0, "coercion": 0, "self_preservation": 0}},
        ])
        self.addCleanup(os.remove, self.path)

    def test_writers_scope_leaves_out_templates(self):
        rates = shortcut_check.word_rates(self.path)["writers"]
        self.assertEqual({"pos": 1, "neg": 1}, rates["texts"])
        self.assertEqual((1.0, 1.0), (rates["ransom"]["pos"], rates["ransom"]["neg"]))

    def test_all_scope_counts_every_text(self):
        rates = shortcut_check.word_rates(self.path)["all"]
        self.assertEqual((1, 2), (rates["ransom"]["pos_texts"], rates["ransom"]["neg_texts"]))
        self.assertEqual(0.5, rates["backup"]["neg"])
        self.assertEqual(0.0, rates["backup"]["pos"])


if __name__ == "__main__":
    unittest.main()
