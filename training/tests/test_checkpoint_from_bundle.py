"""checkpoint_from_bundle.py rebuilds the committed bundle's model as a PyTorch checkpoint close to the release."""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
BUNDLE = os.path.join(os.path.dirname(TRAINING), "guard-model/src/main/resources/dev/alignguard/model")
CORPUS_MODEL = os.path.join(os.path.dirname(TRAINING), "guard-model-corpus/src/main/resources/dev/alignguard/model/corpus")
# scores 24 windows of the corpus with the corpus model rebuilt in PyTorch and with its int8 file in ONNX Runtime
CORPUS_PARITY = """
import sys, numpy as np, torch
sys.path.insert(0, sys.argv[1])
import malevolence_finetune as mf, malevolence_head as mh, ortcheck
model = mf.MalevolenceModel(1)
model.load_state_dict(mf.saved_state(model, sys.argv[2]))  # strict: every parameter rebuilt
model.eval()
seqs, _ = mh.tokenise_documents([r["text"] for r in mh.load_rows()[::500]])
seqs = seqs[:24]
with torch.no_grad():
    p = np.array([torch.sigmoid(model(torch.tensor([s]), torch.ones(1, len(s), dtype=torch.long))).item() for s in seqs])
q = ortcheck.run(sys.argv[2], seqs, batch=1, verbose=False)[:, 0]
print(f"corpus parity: {len(seqs)} windows, mean {np.abs(p - q).mean():.4f} max {np.abs(p - q).max():.4f}")
"""

try:
    import torch  # noqa: F401
    HAVE_TORCH = True
except ImportError:
    HAVE_TORCH = False


@unittest.skipUnless(HAVE_TORCH, "needs torch (training/setup.sh)")
class CheckpointFromBundleTest(unittest.TestCase):
    def run_script(self, out, tokenizer, bundle=BUNDLE):
        env = dict(os.environ, ALIGNGUARD_ENCODER="e5-small", ALIGNGUARD_TEXT_PREFIX="none",
                   ALIGNGUARD_TOKENIZER=tokenizer)
        return subprocess.run([sys.executable, os.path.join(TRAINING, "checkpoint_from_bundle.py"), "--bundle", bundle,
                               "--out", out, "--check"], env=env, capture_output=True, text=True)

    def test_rebuilt_model_scores_the_parity_texts_like_the_released_int8_model(self):
        with tempfile.TemporaryDirectory() as d:
            r = self.run_script(os.path.join(d, "m.pt"), os.path.join(BUNDLE, "tokenizer.json"))
            self.assertEqual(0, r.returncode, r.stderr)
            m = re.search(r"vs release int8 ([0-9.]+) \(mean ([0-9.]+)\)", r.stdout)
            self.assertIsNotNone(m, r.stdout)
            # fp32 activations against int8 ones: scores differ by the activations' rounding only
            self.assertLess(float(m.group(2)), 0.01, r.stdout)
            self.assertLess(float(m.group(1)), 0.1, r.stdout)

    def test_refuses_a_vocabulary_other_than_the_bundles(self):
        with tempfile.TemporaryDirectory() as d:
            other = os.path.join(d, "tokenizer.json")
            with open(os.path.join(BUNDLE, "tokenizer.json"), encoding="utf-8") as src:
                tok = json.load(src)
            vocab = tok["model"]["vocab"]
            vocab["zzzz-not-in-the-bundle"] = vocab.pop(next(iter(vocab)))
            with open(other, "w", encoding="utf-8") as dst:
                json.dump(tok, dst)
            r = self.run_script(os.path.join(d, "m.pt"), other)
            self.assertNotEqual(0, r.returncode)
            self.assertIn("set ALIGNGUARD_TOKENIZER to", r.stdout + r.stderr)

    def test_a_stage_checkpoint_keeps_its_stage_training_record_beside_the_rebuilt_model(self):
        with tempfile.TemporaryDirectory() as d:  # a stage's checkpoint folder with train.py's record
            for name in ("model.onnx", "tokenizer.json"):
                os.symlink(os.path.join(BUNDLE, name), os.path.join(d, name))
            with open(os.path.join(d, "training.json"), "w", encoding="utf-8") as f:
                json.dump({"best": {"epoch": 1, "macro_auroc": 0.98}, "history": [], "steps": 800}, f)
            sys.path.insert(0, TRAINING)
            import checkpoint_from_bundle
            record = checkpoint_from_bundle.training_record(d)
            self.assertEqual(800, record["steps"])
            self.assertEqual(0.98, record["best"]["macro_auroc"])
            self.assertRegex(record["from_bundle"], "^[0-9a-f]{64}$")

    def test_the_rebuild_writes_its_training_record_where_evaluate_reads_it(self):
        with tempfile.TemporaryDirectory() as d:
            env = dict(os.environ, ALIGNGUARD_ENCODER="e5-small", ALIGNGUARD_TEXT_PREFIX="none",
                       ALIGNGUARD_TOKENIZER=os.path.join(BUNDLE, "tokenizer.json"))
            r = subprocess.run([sys.executable, os.path.join(TRAINING, "checkpoint_from_bundle.py"), "--out",
                                os.path.join(d, "m.pt")], env=env, capture_output=True, text=True)
            self.assertEqual(0, r.returncode, r.stderr)
            with open(os.path.join(d, "m.json"), encoding="utf-8") as f:
                self.assertEqual(["from_bundle"], list(json.load(f)))
            sys.path.insert(0, TRAINING)
            import evaluate
            with open(os.path.join(d, "m.json"), encoding="utf-8") as f:
                self.assertEqual(["from_bundle"], list(evaluate.training_history(json.load(f))))

    def test_check_refuses_a_folder_without_a_parity_file(self):
        with tempfile.TemporaryDirectory() as d:  # a stage's checkpoint folder: model and tokenizer only
            for name in ("model.onnx", "tokenizer.json"):
                os.symlink(os.path.join(BUNDLE, name), os.path.join(d, name))
            r = self.run_script(os.path.join(d, "m.pt"), os.path.join(d, "tokenizer.json"), bundle=d)
            self.assertNotEqual(0, r.returncode)
            self.assertIn("leave --check out", r.stdout + r.stderr)
            self.assertFalse(os.path.exists(os.path.join(d, "m.pt")))


@unittest.skipUnless(HAVE_TORCH, "needs torch (training/setup.sh)")
class CorpusModelFromBundleTest(unittest.TestCase):
    def test_rebuilt_corpus_model_scores_windows_like_its_int8_file(self):
        sys.path.insert(0, TRAINING)
        import ortcheck
        if not ortcheck.available():
            self.skipTest("needs the onnxruntime jar (mvn install)")
        env = dict(os.environ, ALIGNGUARD_ENCODER="minilm-l6",
                   ALIGNGUARD_TOKENIZER=os.path.join(CORPUS_MODEL, "tokenizer.json"))
        r = subprocess.run([sys.executable, "-c", CORPUS_PARITY, TRAINING, os.path.join(CORPUS_MODEL, "model.onnx")],
                           env=env, capture_output=True, text=True)
        self.assertEqual(0, r.returncode, r.stderr[-2000:])
        m = re.search(r"mean ([0-9.]+) max ([0-9.]+)", r.stdout)
        self.assertIsNotNone(m, r.stdout)
        # plain dynamic int8 (no smoothing) rounds activations more than the guard model's: measured 0.027 / 0.12
        self.assertLess(float(m.group(1)), 0.05, r.stdout)
        self.assertLess(float(m.group(2)), 0.2, r.stdout)


if __name__ == "__main__":
    unittest.main()
