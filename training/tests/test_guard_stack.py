"""guard_stack: the text the n-gram member reads (as the Java guard's ScoredText.actionText) and the manifest
sections the bundle step writes."""
import argparse
import hashlib
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from texts import action_text, payload_text  # noqa: E402

try:
    import guard_stack  # noqa: E402  (needs torch through evaluate.py)
except ImportError:  # pragma: no cover - machines without python3-torch
    guard_stack = None


class ActionTextTest(unittest.TestCase):
    def test_a_tool_call_with_a_rationale_is_its_payload_then_the_rationale(self):
        rec = {"kind": "tool_call", "tool": "send_email", "arguments": {"body": "hi"}, "rationale": "asked to"}
        self.assertEqual(payload_text("send_email", {"body": "hi"}) + "\nasked to", action_text(rec))

    def test_a_tool_call_without_a_rationale_is_its_payload(self):
        rec = {"kind": "tool_call", "tool": "send_email", "arguments": {"body": "hi"}, "rationale": "  "}
        self.assertEqual(payload_text("send_email", {"body": "hi"}), action_text(rec))

    def test_a_text_record_is_its_text(self):
        self.assertEqual("plan: wait", action_text({"kind": "plan", "text": "plan: wait"}))


@unittest.skipIf(guard_stack is None, "python3-torch is not installed (bash training/setup.sh)")
class CombinedTest(unittest.TestCase):
    def test_the_member_raises_a_score_and_never_lowers_it(self):
        import numpy as np
        stack = {"window_logit": 0.7, "ngram_logit": 0.9, "bias": 1.0}
        p = np.array([0.2, 0.9, 0.2])
        got = guard_stack.combined(p, np.array([2.0, -9.0, -9.0]), stack)
        self.assertGreater(got[0], 0.2)
        self.assertEqual([0.9, 0.2], list(got[1:]))


@unittest.skipIf(guard_stack is None, "python3-torch is not installed (bash training/setup.sh)")
class BundleTest(unittest.TestCase):
    def test_adds_the_member_and_replaces_thresholds_and_version(self):
        with tempfile.TemporaryDirectory() as d:
            manifest = {"labels": ["blackmail", "coercion", "self_preservation"], "version": "0.8.0",
                        "thresholds": {}, "threshold_rule": {}, "scoring": "max per label"}
            with open(os.path.join(d, "alignguard-model.json"), "w") as f:
                json.dump(manifest, f)
            weights = os.path.join(d, "w.f32")
            with open(weights, "wb") as f:
                f.write(b"\0" * 4 * 3 * 2)
            report = {"ngram": {"dim": 2, "max_chars": 1500, "char_ngrams": [3, 5], "char_step": 2,
                                "bias": {"blackmail": -1.0, "coercion": -2.0, "self_preservation": -3.0}, "text": "t"},
                      "stack": {"blackmail": {"window_logit": 1, "ngram_logit": 1, "bias": 0}},
                      "thresholds": {"blackmail": {"flag": 0.5}}, "threshold_rule": {"flag": "val FPR 1.50%"}}
            with open(os.path.join(d, "r.json"), "w") as f:
                json.dump(report, f)
            guard_stack.bundle(argparse.Namespace(json=os.path.join(d, "r.json"), weights=weights, version="0.9.0",
                                                  bundle_dir=d))
            with open(os.path.join(d, "alignguard-model.json")) as f:
                m = json.load(f)
            with open(os.path.join(d, "ngram.f32"), "rb") as f:
                self.assertEqual(hashlib.sha256(f.read()).hexdigest(), m["ngram"]["sha256"])
            self.assertEqual(("0.9.0", 24, 2, -2.0), (m["version"], m["ngram"]["size_bytes"], m["ngram"]["dim"],
                                                      m["ngram"]["bias"]["coercion"]))
            self.assertEqual(report["stack"], m["stack"])
            self.assertEqual(report["thresholds"], m["thresholds"])

    def test_refuses_weights_that_do_not_hold_every_label(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "alignguard-model.json"), "w") as f:
                json.dump({"labels": ["blackmail", "coercion", "self_preservation"]}, f)
            with open(os.path.join(d, "w.f32"), "wb") as f:
                f.write(b"\0" * 8)
            with open(os.path.join(d, "r.json"), "w") as f:
                json.dump({"ngram": {"dim": 2}}, f)
            with self.assertRaises(SystemExit):
                guard_stack.bundle(argparse.Namespace(json=os.path.join(d, "r.json"), weights=os.path.join(d, "w.f32"),
                                                      version="0.9.0", bundle_dir=d))


if __name__ == "__main__":
    unittest.main()
