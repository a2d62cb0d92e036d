"""guard_eval.writer_sets: writers newer than a model's corpus are measured one set per writer and together, less
the rows their blind audit disputed (the same rows assemble_v4.py keeps out of the corpus)."""
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import guard_eval  # noqa: E402


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in rows)


class WriterSets(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        os.mkdir(os.path.join(self.dir, "audit"))
        write(os.path.join(self.dir, "wa.jsonl"), [{"id": "a1", "label": "none"}, {"id": "a2", "label": "coercion"}])
        write(os.path.join(self.dir, "wb.jsonl"), [{"id": "b1", "label": "blackmail"}])
        write(os.path.join(self.dir, "audit", "wa.labels.jsonl"),
              [{"id": "a1", "label": "none"}, {"id": "a2", "label": "blackmail"}])
        self.sets = guard_eval.writer_sets(["wa", "wb"], self.dir)

    def test_rows_the_audit_disputed_are_left_out(self):
        self.assertEqual(["a1"], [r["id"] for r in self.sets["writer:wa"]])

    def test_each_writer_is_a_set_and_so_is_their_union(self):
        self.assertEqual({"writer:wa", "writer:wb", "writers"}, set(self.sets))
        self.assertEqual(["a1", "b1"], [r["id"] for r in self.sets["writers"]])


if __name__ == "__main__":
    unittest.main()
