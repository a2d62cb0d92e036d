import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from quoted_probe import unquoted_record, without_quotes  # noqa: E402


class QuotedProbeTest(unittest.TestCase):
    def test_drops_lines_quoted_with_a_marker(self):
        self.assertEqual("Thanks, reported.", without_quotes("Thanks, reported.\n> pay or the photos go out"))

    def test_drops_everything_after_a_reply_header(self):
        text = "We have escalated this.\nOn Tue, 3 Mar, Ann wrote:\nPay 2 BTC or we publish the files."
        self.assertEqual("We have escalated this.", without_quotes(text))

    def test_keeps_new_lines_that_threaten(self):
        text = "Drop the complaint or your manager hears about March.\n> Lunch on Friday?"
        self.assertEqual("Drop the complaint or your manager hears about March.", without_quotes(text))

    def test_strips_string_arguments_of_tool_calls_only(self):
        r = {"tool": "send_email", "arguments": {"body": "Noted.\n> or else", "retries": 2}}
        self.assertEqual({"body": "Noted.", "retries": 2}, unquoted_record(r)["arguments"])


if __name__ == "__main__":
    unittest.main()
