"""assemble_v4.py's public windows: benign windows cut from inside the public train documents the way the
guard's Chunker packs long text with lines (at most 60 words and 560 characters a window)."""
import os
import random
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(TRAINING, "data"))
sys.path.insert(0, os.path.join(TRAINING, "data", "writers"))
sys.path.insert(0, TRAINING)
import assemble_v4  # noqa: E402


class LineWindows(unittest.TestCase):
    def test_packs_whole_lines_up_to_sixty_words(self):
        text = "\n".join(" ".join("w%d" % i for i in range(25)) for _ in range(5))  # five 25-word lines
        wins = assemble_v4.line_windows(text)
        self.assertEqual([len(w.split()) for w in wins], [50, 50, 25])
        self.assertTrue(all(w.count("\n") <= 1 for w in wins))

    def test_cuts_a_line_longer_than_a_window_into_word_pieces(self):
        wins = assemble_v4.line_windows(" ".join("x" for _ in range(150)))
        self.assertEqual([len(w.split()) for w in wins], [60, 60, 30])

    def test_keeps_every_window_within_the_character_limit(self):
        text = "\n".join(" ".join("abcdefghijklmnopqrst" for _ in range(10)) for _ in range(6))
        self.assertTrue(all(len(w) <= assemble_v4.WINDOW_CHARS for w in assemble_v4.line_windows(text)))

    def test_public_windows_are_benign_train_documents_without_their_first_window(self):
        wins = assemble_v4.public_windows(200, random.Random(1))
        self.assertEqual(len(wins), 200)
        self.assertTrue(all(w["label"] == "none" and w["split"] == "train" for w in wins))
        self.assertTrue(all(not w["id"].endswith("-0") for w in wins))
        self.assertTrue(all(len(w["text"].split()) >= assemble_v4.WINDOW_MIN_WORDS for w in wins))


if __name__ == "__main__":
    unittest.main()
