"""assemble_v4.py --repeat-lang: a training stage can see the languages the model reads worst more often, each
copy right after its record, English never repeated by the '*' factor."""
import argparse
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(TRAINING, "data"))
sys.path.insert(0, os.path.join(TRAINING, "data", "writers"))
sys.path.insert(0, TRAINING)
import assemble_v4  # noqa: E402


class RepeatLang(unittest.TestCase):
    def test_parses_factors_with_a_wildcard(self):
        self.assertEqual(assemble_v4.repeat_spec("zh:3,ko:3,*:2"), {"zh": 3, "ko": 3, "*": 2})

    def test_rejects_a_factor_below_one(self):
        with self.assertRaises(argparse.ArgumentTypeError):
            assemble_v4.repeat_spec("zh:0")

    def test_copies_follow_their_record_with_suffixed_ids(self):
        recs = [{"id": "a", "lang": "zh"}, {"id": "b", "lang": "de"}, {"id": "c", "lang": "en"}, {"id": "d"}]
        out = assemble_v4.repeated(recs, {"zh": 3, "*": 2})
        self.assertEqual([r["id"] for r in out], ["a", "a#x1", "a#x2", "b", "b#x1", "c", "d"])

    def test_copies_keep_everything_but_the_id(self):
        out = assemble_v4.repeated([{"id": "a", "lang": "ja", "text": "t", "label": "none"}], {"ja": 2})
        self.assertEqual(out[1], {"id": "a#x1", "lang": "ja", "text": "t", "label": "none"})


if __name__ == "__main__":
    unittest.main()
