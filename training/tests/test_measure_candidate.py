"""measure_candidate.sh: a candidate is measured through the CLI from a bundle of its own, with the student
already in training/work re-fitted rather than distilled again. A dry run: every python step is echoed."""
import os
import unittest

from test_release_stages import dry_run


class MeasureCandidate(unittest.TestCase):
    def setUp(self):
        self.steps = dry_run("measure_candidate.sh", args=("/tmp/cand",))

    def test_the_student_is_refitted_not_distilled_again(self):
        student = [s for s in self.steps if "student.py" in s]
        self.assertEqual(1, len(student))
        self.assertTrue(student[0].endswith("--refit"), student)

    def test_the_bundle_goes_to_the_named_folder_never_the_shipped_one(self):
        bundle = next(s for s in self.steps if "bundle.py" in s)
        self.assertIn("--out-dir /tmp/cand ", bundle)
        self.assertNotIn("guard-model", bundle)

    def test_the_cli_measures_that_bundle_on_the_held_out_writers_and_dev_eval_only(self):
        self.assertIn("--model /tmp/cand --generalisation-only /tmp/cand.json", self.steps[-1])
        self.assertIn("guard_eval.py", self.steps[-1])

    def test_thresholds_come_from_the_validation_rule_before_export(self):
        names = [s.split()[1] for s in self.steps]
        self.assertEqual(["training/evaluate.py", "training/export_onnx.py", "training/quantize.py",
                          "training/student.py", "training/calibrate.py", "training/bundle.py",
                          "training/guard_eval.py"], names)
        self.assertIn("--stage torch", self.steps[0])


if __name__ == "__main__":
    unittest.main()
