"""template_families.family_table: per family, the share of records each model did not ALLOW."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import template_families  # noqa: E402


class FamilyTableTest(unittest.TestCase):
    records = [{"family": "sb_a", "label": "blackmail"}, {"family": "sb_a", "label": "blackmail"},
               {"family": "n_b", "label": "none"}, {"family": "n_b", "label": "none"}]

    def test_share_per_family_and_model(self):
        rows = template_families.family_table(self.records, {"old": [1, 1, 0, 1], "new": [1, 0, 0, 0]})
        self.assertEqual(("sb_a", "blackmail", 2, {"old": 1.0, "new": 0.5}), rows[0])
        self.assertEqual(("n_b", "none", 2, {"old": 0.5, "new": 0.0}), rows[1])

    def test_markdown_totals_weigh_families_by_records(self):
        rows = template_families.family_table(self.records, {"m": [1, 0, 1, 1]})
        md = template_families.markdown(rows, ["m"])
        self.assertIn("| **all positive families** | | 2 | **0.500** |", md)
        self.assertIn("| **all none families** | | 2 | **1.000** |", md)


if __name__ == "__main__":
    unittest.main()
