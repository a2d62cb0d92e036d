"""compare_candidates.py rewrites reports/candidates.md: the hand-written notes survive a rewrite, and with
--keep-rows so do the rows of candidates whose JSONs are gone, in selection-score order."""
import json
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stdout
from io import StringIO

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import compare_candidates  # noqa: E402

LABELS = ("blackmail", "coercion", "self_preservation")
PAGE = """# Candidate models (corpus v4)

Intro.

## dev_all

| candidate | selection score | blackmail | coercion | self_preservation | hard negatives not ALLOWed |
|---|---|---|---|---|---|
| r4: old model | 0.943 | 0.972 / 0.863 | 0.958 / 0.822 | 0.919 / 0.592 | 0.137 of 255 |
| r1: older model | 0.883 | 0.938 / 0.726 | 0.899 / 0.589 | 0.836 / 0.392 | 0.561 of 255 |

## Notes

- a hand-written note
"""


def report(auroc):
    per = {l: {"auroc": auroc, "recall_5": 0.5} for l in LABELS}
    return {"sets": {s: dict(per, records=10, hard_negatives=4, hard_not_allowed=0.25)
                     for s in ("dev_all", "test_writers")}}


class CompareCandidates(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.page = os.path.join(self.dir.name, "candidates.md")
        with open(self.page, "w") as f:
            f.write(PAGE)

    def tearDown(self):
        self.dir.cleanup()

    def run_with(self, *args, **reports):
        cands = []
        for name, rep in reports.items():
            path = os.path.join(self.dir.name, name + ".json")
            with open(path, "w") as f:
                json.dump(rep, f)
            cands.append(f"{name}={path}")
        with redirect_stdout(StringIO()):
            compare_candidates.main(list(args) + ["--out", self.page] + cands)
        with open(self.page) as f:
            return f.read()

    def dev_all_rows(self, page):
        section = page.split("## dev_all")[1].split("## ")[0]
        return [line.split(" | ")[0][2:] for line in section.splitlines() if line.startswith("| ")][1:]

    def test_keeps_the_hand_written_notes_when_it_rewrites_the_page(self):
        page = self.run_with(f1=report(0.9))
        self.assertTrue(page.endswith("## Notes\n\n- a hand-written note\n"))
        self.assertEqual(1, page.count("## Notes"))

    def test_drops_rows_of_candidates_not_named_without_keep_rows(self):
        self.assertEqual(["f1"], self.dev_all_rows(self.run_with(f1=report(0.9))))

    def test_keeps_old_rows_beside_a_new_candidate_in_selection_score_order(self):
        page = self.run_with("--keep-rows", f1=report(0.9))
        self.assertEqual(["r4: old model", "f1", "r1: older model"], self.dev_all_rows(page))

    def test_replaces_the_row_of_a_candidate_named_again(self):
        self.run_with("--keep-rows", f1=report(0.9))
        page = self.run_with("--keep-rows", f1=report(0.95))
        self.assertEqual(["f1", "r4: old model", "r1: older model"], self.dev_all_rows(page))
        self.assertIn("| f1 | 0.950 |", page)


if __name__ == "__main__":
    unittest.main()
