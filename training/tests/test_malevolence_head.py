"""malevolence_head.py's pure parts: the window rule, the head fit and its folding, the threshold rule, the graph
edit (no ONNX Runtime: the graph is only inspected), and the corpus split."""
import json
import os
import sys
import tempfile
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import malevolence_head as mh  # noqa: E402


class WindowRule(unittest.TestCase):
    def test_short_text_is_one_window(self):
        self.assertEqual([0], mh.window_starts(126))

    def test_one_token_over_the_window_adds_a_second_window(self):
        self.assertEqual([0, 64], mh.window_starts(127))

    def test_last_window_is_the_first_that_reaches_the_last_token(self):
        starts = mh.window_starts(300)
        self.assertEqual([0, 64, 128, 192], starts)
        self.assertGreaterEqual(starts[-1] + mh.WINDOW, 300)
        self.assertLess(starts[-2] + mh.WINDOW, 300)

    def test_windows_wrap_content_in_cls_and_sep_and_stay_within_128(self):
        ws = mh.windows(list(range(1000, 1300)), 101, 102)
        self.assertTrue(all(w[0] == 101 and w[-1] == 102 and len(w) <= 128 for w in ws))
        self.assertEqual(list(range(1064, 1190)), ws[1][1:-1])

    def test_every_token_is_in_some_window(self):
        ws = mh.windows(list(range(500)), -1, -2)
        self.assertEqual(set(range(500)), {t for w in ws for t in w[1:-1]})


class DocumentScores(unittest.TestCase):
    def test_document_score_is_the_highest_window(self):
        doc = np.array([0, 0, 0, 1, 2, 2])
        np.testing.assert_array_equal([0.9, 0.1, 0.5], mh.document_max(np.array([0.2, 0.9, 0.3, 0.1, 0.5, 0.4]),
                                                                        doc, 3))

    def test_first_windows_marks_each_documents_first(self):
        np.testing.assert_array_equal([True, False, True, True, False], mh.first_windows(np.array([0, 0, 1, 2, 2])))

    def test_window_rule_check_compares_max_first_and_mean(self):
        doc = np.array([0, 0, 1, 1])
        check = mh.window_rule_check(np.array([0.1, 0.9, 0.5, 0.2]), doc, np.array([1, 0]), np.array([True, True]))
        self.assertEqual({"max_over_windows": 1.0, "first_window_only": 0.0, "mean_over_windows": 1.0}, check)

    def test_each_document_weighs_the_same_and_the_classes_balance(self):
        doc = np.array([0, 0, 0, 0, 1, 2])
        w = mh.document_weights(doc, np.array([1, 0, 0]))
        self.assertAlmostEqual(w[:4].sum(), w[4:].sum())
        self.assertAlmostEqual(w[4], w[5])
        self.assertAlmostEqual(len(doc), w.sum())


class Head(unittest.TestCase):
    def setUp(self):
        rng = np.random.default_rng(3)
        self.x = rng.normal(size=(600, 6)) * [1, 5, 1, 1, 1, 1] + [0, 10, 0, 0, 0, 0]
        self.y = (self.x[:, 0] - 0.2 * (self.x[:, 1] - 10) + 0.3 * rng.normal(size=600) > 0.5).astype(float)

    def test_fit_leans_on_the_informative_features(self):
        w, _ = mh.fit_logreg(self.x, self.y, np.ones(600), 1e-3)
        self.assertGreater(w[0], 1.0)
        self.assertLess(w[1], 0.0)
        self.assertTrue(np.all(np.abs(w[2:]) < 0.5 * abs(w[0])))

    def test_stronger_l2_shrinks_the_weights(self):
        weak, _ = mh.fit_logreg(self.x, self.y, np.ones(600), 1e-4)
        strong, _ = mh.fit_logreg(self.x, self.y, np.ones(600), 1.0)
        self.assertLess(np.linalg.norm(strong), np.linalg.norm(weak))

    def test_folded_head_on_raw_features_equals_head_on_standardised(self):
        mean, std = self.x.mean(0), self.x.std(0)
        w, b = mh.fit_logreg((self.x - mean) / std, self.y, np.ones(600), 1e-2)
        head = mh.Head(*mh.fold(w, b, mean, std))
        np.testing.assert_allclose(((self.x - mean) / std) @ w + b, head.logits(self.x), atol=1e-9)


class Threshold(unittest.TestCase):
    def test_at_most_five_percent_of_hard_negatives_reach_it(self):
        scores = np.linspace(0, 1, 200) ** 2
        p = mh.recommended_threshold(scores)
        self.assertLessEqual(np.mean(scores >= p), 0.05)
        self.assertGreater(np.mean(scores >= p - 1e-4), 0.05)

    def test_has_four_decimals(self):
        p = mh.recommended_threshold(np.random.default_rng(0).random(100))
        self.assertEqual(p, round(p, 4))

    def test_evaluate_counts_hard_negatives_at_or_over_the_threshold(self):
        s = np.array([0.9, 0.8, 0.7, 0.5, 0.2])
        y = np.array([1, 1, 0, 0, 0])
        hard = np.array([False, False, True, True, False])
        m = mh.evaluate(s, y, hard, 0.5)
        self.assertEqual(1.0, m["auroc"])
        self.assertEqual(1.0, m["hard_neg_over_threshold"])
        self.assertEqual(1.0, m["recall_at_threshold"])


class ScoreOutput(unittest.TestCase):
    def test_reads_the_figures_narrative_dev_score_py_prints(self):
        out = mh.parse_score_output(
            "ai_malevolence  n+=100 n-=140  AUROC=0.787  recall@1%FPR=0.210  recall@5%FPR=0.300\n"
            "hard negatives  n=123  at or over 0.8812: 3 (2.4%)\n")
        self.assertEqual(0.787, out["AUROC"])
        self.assertEqual(0.3, out["recall_at_5pct_FPR"])
        self.assertEqual(123, out["n_hard_neg"])
        self.assertEqual(100, out["n_pos"])
        self.assertNotIn("n", out)
        self.assertAlmostEqual(0.024, out["hard_neg_over_threshold"])


def tiny_guard_model():
    """input x [batch, 4] -> Identity -> FEATURE -> Gemm -> Sigmoid -> 'probabilities' [batch, 3]."""
    from onnx import TensorProto, helper, numpy_helper
    g = helper.make_graph(
        [helper.make_node("Identity", ["x"], [mh.FEATURE]),
         helper.make_node("Gemm", [mh.FEATURE, "W", "b"], ["logits"], transB=1),
         helper.make_node("Sigmoid", ["logits"], ["probabilities"])],
        "tiny", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 4])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", 3])],
        [numpy_helper.from_array(np.ones((3, 4), np.float32), "W"),
         numpy_helper.from_array(np.zeros(3, np.float32), "b")])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 14)])


class GraphEdit(unittest.TestCase):
    def test_appends_ai_malevolence_after_probabilities_and_keeps_the_original_nodes(self):
        model = tiny_guard_model()
        out = mh.append_head(model, mh.Head(np.arange(4.0), 0.5))
        self.assertEqual(["probabilities", "ai_malevolence"], [o.name for o in out.graph.output])
        self.assertEqual(list(model.graph.node), list(out.graph.node)[:len(model.graph.node)])
        dims = out.graph.output[1].type.tensor_type.shape.dim
        self.assertEqual(["batch", 1], [d.dim_param or d.dim_value for d in dims])

    def test_head_weights_are_stored_as_fp32_column(self):
        from onnx import numpy_helper
        out = mh.append_head(tiny_guard_model(), mh.Head(np.arange(4.0), 0.5))
        w = {i.name: numpy_helper.to_array(i) for i in out.graph.initializer}["malevolence.weight"]
        self.assertEqual((np.dtype("float32"), (4, 1)), (w.dtype, w.shape))

    def test_refuses_a_model_that_already_has_the_output(self):
        once = mh.append_head(tiny_guard_model(), mh.Head(np.zeros(4), 0.0))
        with self.assertRaises(ValueError):
            mh.append_head(once, mh.Head(np.zeros(4), 0.0))

    def test_refuses_a_model_without_the_feature_tensor(self):
        model = tiny_guard_model()
        with self.assertRaises(ValueError):
            mh.append_head(model, mh.Head(np.zeros(4), 0.0), feature="/model/Nope")

    def test_feature_output_is_added_once_and_leaves_the_input_model_alone(self):
        model = tiny_guard_model()
        twice = mh.with_output(mh.with_output(model, mh.FEATURE, 4), mh.FEATURE, 4)
        self.assertEqual(["probabilities", mh.FEATURE], [o.name for o in twice.graph.output])
        self.assertEqual(["probabilities"], [o.name for o in model.graph.output])


class Corpus(unittest.TestCase):
    def test_drops_disputed_rows_and_splits_by_writer(self):
        with tempfile.TemporaryDirectory() as d:
            for w in ("m01-a", "m04-roleplay-chat"):
                with open(os.path.join(d, w + ".jsonl"), "w") as f:
                    for i in range(3):
                        f.write(json.dumps({"id": f"{w}-{i}", "writer": w, "label": "ai_malevolence" if i else "none",
                                            "text": "t"}) + "\n")
            rows = mh.load_rows(d, disputed={"m01-a-1"})
        self.assertEqual(["m01-a-0", "m01-a-2"], [r["id"] for r in rows if r["writer"] == "m01-a"])
        self.assertEqual({"train"}, {mh.split_of(r) for r in rows if r["writer"] == "m01-a"})
        self.assertEqual({"val"}, {mh.split_of(r) for r in rows if r["writer"] == "m04-roleplay-chat"})
        self.assertEqual([0, 1], [mh.label_of(r) for r in rows[:2]])

    def test_validation_and_test_each_hold_an_english_and_a_non_english_writer(self):
        rows = mh.load_rows(disputed=set())
        for split in ("val", "test"):
            english = {r["writer"]: r["lang"] == "en" for r in rows if mh.split_of(r) == split}
            self.assertEqual({True, False}, set(english.values()), split)

if __name__ == "__main__":
    unittest.main()
