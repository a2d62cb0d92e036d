"""bundle_malevolence.py: what it copies, what the manifest states, and the models and reports it refuses."""
import hashlib
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import bundle_malevolence as bm  # noqa: E402

REPORT = {"recipe": {"frozen_layers": 3}, "history": [{"epoch": 1}, {"epoch": 2}], "best_epoch": 2,
          "threshold": 0.85,
          "splits": {"val": {"n_pos": 134, "auroc": 0.9, "hard_neg_over_threshold": 0.04,
                             "writers": {"m04": {"auroc": 0.8}}}},
          "narrative_dev": {"AUROC": 0.95}}


def write_model(path, output="ai_malevolence", width=1, vocab_rows=0):
    """A graph with the corpus model's signature; vocab_rows > 0 adds an int8 word embedding table of that many rows
    (named as quantize.py names it)."""
    from onnx import TensorProto, helper, save
    ids = helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"])
    mask = helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"])
    out = helper.make_tensor_value_info(output, TensorProto.FLOAT, ["batch", width])
    nodes = [helper.make_node("Cast", ["attention_mask"], ["f"], to=TensorProto.FLOAT),
             helper.make_node("ReduceMax", ["f"], [output], axes=[1], keepdims=1)]
    table = ([helper.make_tensor("model.encoder.embeddings.word_embeddings.weight_quantized", TensorProto.INT8,
                                 [vocab_rows, 2], [0] * (2 * vocab_rows))] if vocab_rows else [])
    save(helper.make_model(helper.make_graph(nodes, "g", [ids, mask], [out], initializer=table),
                           opset_imports=[helper.make_opsetid("", 13)]), path)


class BundleMalevolence(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.model = os.path.join(self.tmp.name, "int8.onnx")
        self.report = os.path.join(self.tmp.name, "finetune.json")
        self.tokenizer = os.path.join(self.tmp.name, "tok.json")
        self.out = os.path.join(self.tmp.name, "out")
        with open(self.report, "w", encoding="utf-8") as f:
            json.dump(REPORT, f)
        with open(self.tokenizer, "w", encoding="utf-8") as f:
            json.dump({"model": {"vocab": {"[PAD]": 0, "robot": 1, "[UNK]": 2}}}, f)

    def bundle(self):
        return bm.write_bundle(self.model, self.report, self.out, "m", "1.2.3", self.tokenizer)

    def test_copies_model_and_tokenizer_and_states_their_checksums_and_sizes(self):
        write_model(self.model)
        m = self.bundle()
        for name, section in (("model.onnx", "model"), ("tokenizer.json", "tokenizer")):
            with open(os.path.join(self.out, name), "rb") as f:
                data = f.read()
            self.assertEqual(hashlib.sha256(data).hexdigest(), m[section]["sha256"])
            self.assertEqual(len(data), m[section]["size_bytes"])
        with open(os.path.join(self.out, bm.MANIFEST), encoding="utf-8") as f:
            self.assertEqual(m, json.load(f))

    def test_manifest_states_what_the_java_loader_reads(self):
        write_model(self.model)
        m = self.bundle()
        self.assertEqual(("m", "1.2.3", "ai_malevolence", 128, 64, 0.85),
                         (m["id"], m["version"], m["output"], m["max_length"], m["stride_tokens"], m["threshold"]))

    def test_manifest_states_the_window_rule_of_the_recipe(self):
        write_model(self.model)
        with open(self.report, "w", encoding="utf-8") as f:
            json.dump({**REPORT, "recipe": {"window_tokens": 254, "stride_tokens": 128}}, f)
        m = self.bundle()
        self.assertEqual((256, 128), (m["max_length"], m["stride_tokens"]))

    def test_refuses_a_stride_longer_than_the_window_and_writes_nothing(self):
        write_model(self.model)
        with open(self.report, "w", encoding="utf-8") as f:
            json.dump({**REPORT, "recipe": {"window_tokens": 60, "stride_tokens": 64}}, f)
        with self.assertRaisesRegex(ValueError, "window rule"):
            self.bundle()
        self.assertFalse(os.path.exists(self.out))

    def test_manifest_keeps_split_metrics_and_narrative_dev_without_per_writer_rows(self):
        write_model(self.model)
        m = self.bundle()
        self.assertEqual({"val": {"n_pos": 134, "auroc": 0.9, "hard_neg_over_threshold": 0.04},
                          "narrative_dev": {"AUROC": 0.95}}, m["metrics"])
        self.assertEqual({"recipe": {"frozen_layers": 3}, "best_epoch": 2, "epochs": 2, "report": "finetune.json"},
                         m["training"])

    def test_refuses_a_model_without_the_ai_malevolence_output_and_writes_nothing(self):
        write_model(self.model, output="probabilities")
        with self.assertRaisesRegex(ValueError, "has no output ai_malevolence"):
            self.bundle()
        self.assertFalse(os.path.exists(self.out))

    def test_refuses_an_output_wider_than_one(self):
        write_model(self.model, width=3)
        with self.assertRaisesRegex(ValueError, r"must be \[batch, 1\]"):
            self.bundle()

    def test_refuses_a_report_whose_threshold_is_not_a_probability(self):
        write_model(self.model)
        with open(self.report, "w", encoding="utf-8") as f:
            json.dump({**REPORT, "threshold": 1.5}, f)
        with self.assertRaisesRegex(ValueError, r"threshold must be a number in \(0, 1\]"):
            self.bundle()

    def test_refuses_a_tokenizer_whose_vocabulary_is_not_the_models_and_writes_nothing(self):
        write_model(self.model, vocab_rows=5)
        with self.assertRaisesRegex(ValueError, "has 3 tokens but .* embeds 5"):
            self.bundle()
        self.assertFalse(os.path.exists(self.out))

    def test_accepts_a_tokenizer_with_as_many_tokens_as_the_embedding_table(self):
        write_model(self.model, vocab_rows=3)
        self.assertEqual("1.2.3", self.bundle()["version"])

    def test_defaults_to_the_shipped_corpus_models_tokenizer(self):
        self.assertEqual(os.path.join(bm.OUT_DIR, "tokenizer.json"), bm.CORPUS_TOKENIZER)
        write_model(self.model, vocab_rows=3)
        with self.assertRaisesRegex(ValueError, "has 30522 tokens"):  # MiniLM's vocabulary
            bm.write_bundle(self.model, self.report, self.out, "m", "1.2.3")


    def stack_report(self, dim=4):
        stack = os.path.join(self.tmp.name, "stack.json")
        with open(stack, "w", encoding="utf-8") as f:
            json.dump({"recipe": {"ngram": {"dim": dim, "max_chars": 600, "char_ngrams": [3, 5], "char_step": 2,
                                            "bias": -0.5, "train_docs": 10},
                                  "stack": {"window_logit": 0.4, "ngram_logit": 0.37, "bias": -0.5}},
                       "threshold": 0.7968, "splits": {"val": {"auroc": 0.903}, "test": {"auroc": 0.893}}}, f)
        weights = os.path.join(self.tmp.name, "ngram.f32")
        with open(weights, "wb") as f:
            f.write(b"\x00" * 16)
        return stack, weights

    def test_with_a_stack_adds_the_ngram_member_and_takes_the_stack_reports_threshold_and_metrics(self):
        write_model(self.model)
        stack, weights = self.stack_report()
        m = bm.write_bundle(self.model, self.report, self.out, "m", "1.2.3", self.tokenizer, stack, weights)
        with open(os.path.join(self.out, "ngram.f32"), "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), m["ngram"]["sha256"])
        self.assertEqual((16, 4, 600, [3, 5], 2, -0.5), tuple(m["ngram"][k] for k in (
            "size_bytes", "dim", "max_chars", "char_ngrams", "char_step", "bias")))
        self.assertEqual({"window_logit": 0.4, "ngram_logit": 0.37, "bias": -0.5}, m["stack"])
        self.assertEqual(0.7968, m["threshold"])
        self.assertEqual({"val": {"auroc": 0.903}, "test": {"auroc": 0.893}}, m["metrics"])

    def test_refuses_weights_of_another_size_than_the_stack_reports_model(self):
        write_model(self.model)
        stack, weights = self.stack_report(dim=8)
        with self.assertRaisesRegex(ValueError, "8 float32 weights"):
            bm.write_bundle(self.model, self.report, self.out, "m", "1.2.3", self.tokenizer, stack, weights)


if __name__ == "__main__":
    unittest.main()
