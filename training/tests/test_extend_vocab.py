"""extend_vocab.py: missing ideographs become tokens in place of the least used ones, the vocabulary keeps its size,
a new token's embedding row starts as [UNK]'s, and a text that used no dropped token is tokenised to the same
pieces; train.py --train-rows-from trains only the new rows."""
import json
import os
import sys
import tempfile
import types
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import extend_vocab  # noqa: E402
from test_prune_vocab import full_tokenizer  # noqa: E402
from wordpiece import WordPiece  # noqa: E402

TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "a", "b", "k", "r", "##a", "##b", "##k", "##r", "bark", "bar",
          "rabbit", "ab", "我"]


def tokenizer():
    return full_tokenizer(TOKENS, specials=4)


TEXTS = ["我 不想 被 关掉", "我要 关", "bark bar", "bar ab"]


def written(d, name, tok):
    path = os.path.join(d, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(tok, f, ensure_ascii=False)
    return WordPiece.from_file(path)


class ExtendVocab(unittest.TestCase):
    def setUp(self):
        self.d = tempfile.TemporaryDirectory()
        self.before = written(self.d.name, "before.json", tokenizer())
        missing = extend_vocab.missing_ideographs(self.before, TEXTS)
        self.new_tokens = [ch for ch, n in missing.most_common() if n >= 2]
        use = extend_vocab.token_use(self.before, TEXTS)
        self.drop = extend_vocab.droppable(tokenizer(), use)[:len(self.new_tokens)]
        self.out, self.rows = extend_vocab.extended(tokenizer(), self.drop, self.new_tokens)
        self.after = written(self.d.name, "after.json", self.out)

    def tearDown(self):
        self.d.cleanup()

    def test_ideographs_used_twice_or_more_become_tokens(self):
        self.assertEqual(["关"], self.new_tokens)  # 我 has a token already; 不想被要 occur once
        self.assertNotEqual(self.after.unk_id, self.after.tokenize_ids("关")[0])

    def test_the_vocabulary_keeps_its_size_and_drops_an_unused_word_never_a_character(self):
        self.assertEqual(len(TOKENS), len(self.out["model"]["vocab"]))
        self.assertEqual([TOKENS.index("rabbit")], self.drop)

    def test_a_new_tokens_embedding_row_is_a_copy_of_the_unk_row(self):
        self.assertEqual(TOKENS.index("[UNK]"), self.rows[self.out["model"]["vocab"]["关"]])
        self.assertEqual(TOKENS.index("bark"), self.rows[self.out["model"]["vocab"]["bark"]])

    def test_the_report_names_the_first_new_row_for_train_rows_from(self):
        tok_path = os.path.join(self.d.name, "before.json")
        corpus = os.path.join(self.d.name, "corpus")
        os.makedirs(corpus)
        with open(os.path.join(corpus, "train.jsonl"), "w", encoding="utf-8") as f:
            for i, t in enumerate(TEXTS):
                f.write(json.dumps({"id": str(i), "kind": "output", "label": "none", "text": t}) + "\n")
        report = os.path.join(self.d.name, "report.json")
        extend_vocab.main(["--tokenizer", tok_path, "--corpus-dir", corpus, "--out",
                           os.path.join(self.d.name, "out.json"), "--report", report])
        with open(report, encoding="utf-8") as f:
            got = json.load(f)
        self.assertEqual((1, len(TOKENS) - 1), (got["added"], got["first_new_row"]))

    def test_special_ids_follow_the_renumbering(self):
        self.assertEqual([0, 1, 2, 3], [t["id"] for t in self.out["added_tokens"]])
        self.assertEqual(3, self.after.sep_id)

    def test_a_text_without_dropped_tokens_tokenises_to_the_same_pieces(self):
        inv_before = {i: t for t, i in self.before.vocab.items()}
        inv_after = {i: t for t, i in self.after.vocab.items()}
        for text in ("bark bar ab", "我"):
            self.assertEqual([inv_before[i] for i in self.before.tokenize_ids(text)],
                             [inv_after[i] for i in self.after.tokenize_ids(text)])


try:
    import torch  # noqa: E402
    import train  # noqa: E402
except ImportError:  # pragma: no cover - machines without python3-torch
    torch = None


@unittest.skipIf(torch is None, "python3-torch is not installed (bash training/setup.sh)")
class TrainNewRows(unittest.TestCase):
    def test_only_the_rows_from_the_first_new_id_on_learn(self):
        emb = torch.nn.Embedding(6, 4)
        model = types.SimpleNamespace(encoder=types.SimpleNamespace(embeddings=types.SimpleNamespace(
            word_embeddings=emb)))
        before = emb.weight.detach().clone()
        w = train.new_rows_trainable(model, 4)
        opt = torch.optim.AdamW([{"params": [w], "lr": 0.1, "weight_decay": 0.0}])
        for _ in range(3):
            opt.zero_grad()
            emb(torch.tensor([0, 1, 4, 5])).sum().backward()
            opt.step()
        self.assertTrue(torch.equal(before[:4], emb.weight.detach()[:4]))
        self.assertFalse(torch.equal(before[4:], emb.weight.detach()[4:]))

    def test_the_first_new_row_is_read_from_a_number_or_the_report(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "report.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"first_new_row": 15745}, f)
            self.assertEqual((15745, 15745), (train.first_new_row("15745"), train.first_new_row(path)))


if __name__ == "__main__":
    unittest.main()
