"""prune_vocab.py: the pruned tokenizer renumbers the kept tokens in order (special-token ids follow), and a
text whose pieces were all kept tokenises to the same pieces."""
import json
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
os.environ.pop("ALIGNGUARD_TOKENIZER", None)
import prune_vocab  # noqa: E402

TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "[unused0]", "a", "b", "k", "r", "##a", "##b", "##k", "##r",
          "bark", "bar", "##ark", "ark"]


def full_tokenizer(tokens=TOKENS, specials=5):
    """A BERT tokenizer.json over `tokens`, the first `specials` of them special ([PAD] [UNK] [CLS] [SEP] ...)."""
    vocab = {t: i for i, t in enumerate(tokens)}
    return {"added_tokens": [{"id": vocab[t], "content": t, "special": True, "normalized": False, "lstrip": False,
                              "rstrip": False, "single_word": False} for t in tokens[:specials]],
            "post_processor": {"type": "TemplateProcessing",
                               "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                                                  "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}}},
            "padding": {"pad_id": 0}, "pre_tokenizer": {"type": "BertPreTokenizer"},
            "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                           "strip_accents": None, "lowercase": True},
            "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                      "max_input_chars_per_word": 100, "vocab": vocab}}


class PruneVocab(unittest.TestCase):
    def test_kept_tokens_are_renumbered_in_order_and_special_ids_follow(self):
        keep = [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 15]  # drops [unused0], bark, ##ark, ark
        out = prune_vocab.pruned_tokenizer(full_tokenizer(), keep)
        self.assertEqual(list(out["model"]["vocab"].values()), list(range(len(keep))))
        self.assertEqual(out["model"]["vocab"]["bar"], 13)
        self.assertNotIn("bark", out["model"]["vocab"])
        self.assertEqual(out["post_processor"]["special_tokens"]["[SEP]"]["ids"], [3])
        self.assertEqual([t["id"] for t in out["added_tokens"]], [0, 1, 2, 3, 4])

    def test_a_word_whose_piece_was_dropped_is_spelled_with_shorter_kept_pieces(self):
        full = full_tokenizer()
        pruned = prune_vocab.pruned_tokenizer(full, [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 15])
        with tempfile.TemporaryDirectory() as d:
            a, b = os.path.join(d, "full.json"), os.path.join(d, "pruned.json")
            json.dump(full, open(a, "w"))
            json.dump(pruned, open(b, "w"))
            self.assertEqual(prune_vocab.check(a, b, ["bar", "bark"]), 0.5)  # "bark" is now bar + ##k

    def test_a_text_that_tokenises_differently_despite_kept_pieces_is_an_error(self):
        full = full_tokenizer()
        broken = prune_vocab.pruned_tokenizer(full, list(range(len(TOKENS))))
        broken["model"]["max_input_chars_per_word"] = 2  # "bar" would become [UNK]
        with tempfile.TemporaryDirectory() as d:
            a, b = os.path.join(d, "full.json"), os.path.join(d, "pruned.json")
            json.dump(full, open(a, "w"))
            json.dump(broken, open(b, "w"))
            with self.assertRaises(SystemExit):
                prune_vocab.check(a, b, ["bar"])


if __name__ == "__main__":
    unittest.main()
