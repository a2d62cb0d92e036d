"""The score cache (score_cache.py, through rule_report): a set is scored again when the cache holds it for other
records or another order."""
import os
import sys
import tempfile
import unittest
from unittest import mock

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import rule_report  # noqa: E402


def recs(*ids):
    return [{"id": i} for i in ids]


class ScoreCache(unittest.TestCase):
    def setUp(self):
        self.path = os.path.join(tempfile.mkdtemp(), "scores.npz")
        self.scored = []

        def score(model, records):
            self.scored.append([r["id"] for r in records])
            return np.array([[float(len(self.scored))] * 3 for _ in records]), None
        export_onnx = mock.MagicMock()
        self.patches = [mock.patch.object(rule_report.E, "score_records_torch", score),
                        mock.patch.dict(sys.modules, {"export_onnx": export_onnx})]
        for p in self.patches:
            p.start()

    def tearDown(self):
        for p in self.patches:
            p.stop()

    def test_a_rerun_on_the_same_records_reads_the_cache(self):
        rule_report.cached_scores("m.pt", self.path, {"val": recs("a", "b")})
        z = rule_report.cached_scores("m.pt", self.path, {"val": recs("a", "b")})
        self.assertEqual([["a", "b"]], self.scored)
        self.assertEqual(1.0, z["val"][0, 0])

    def test_a_reordered_set_is_scored_again(self):
        rule_report.cached_scores("m.pt", self.path, {"val": recs("a", "b")})
        z = rule_report.cached_scores("m.pt", self.path, {"val": recs("b", "a")})
        self.assertEqual([["a", "b"], ["b", "a"]], self.scored)
        self.assertEqual(2.0, z["val"][0, 0])

    def test_only_the_set_the_cache_lacks_is_scored(self):
        rule_report.cached_scores("m.pt", self.path, {"val": recs("a")})
        rule_report.cached_scores("m.pt", self.path, {"val": recs("a"), "w97": recs("c")})
        self.assertEqual([["a"], ["c"]], self.scored)

    def test_a_set_name_with_spaces_is_kept_under_a_file_safe_key(self):
        rule_report.cached_scores("m.pt", self.path, {"test writers": recs("a")})
        z = rule_report.cached_scores("m.pt", self.path, {"test writers": recs("a")})
        self.assertEqual([["a"]], self.scored)
        self.assertIn("test_writers", z)


if __name__ == "__main__":
    unittest.main()
