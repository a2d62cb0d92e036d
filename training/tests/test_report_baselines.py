"""report.py compares a release with the one it replaces and with 0.3.1, whichever files are committed."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import report  # noqa: E402

FILES = ["generalisation-0.3.1.json", "generalisation-0.6.0.json", "generalisation-0.7.0.json",
         "evaluation.md", "generalisation-0.10.0.json"]


class EarlierReleases(unittest.TestCase):
    def test_compares_with_the_release_it_replaces_and_the_baseline(self):
        self.assertEqual(["0.7.0", "0.3.1"], report.earlier_releases("0.8.0", FILES))

    def test_orders_versions_by_number_not_by_text(self):
        self.assertEqual(["0.10.0", "0.3.1"], report.earlier_releases("0.11.0", FILES))

    def test_never_compares_a_release_with_itself_or_a_later_one(self):
        self.assertEqual(["0.6.0", "0.3.1"], report.earlier_releases("0.7.0", FILES))

    def test_the_baseline_alone_when_it_is_the_previous_release(self):
        self.assertEqual(["0.3.1"], report.earlier_releases("0.4.0", FILES))


if __name__ == "__main__":
    unittest.main()
