"""textnorm.normalise gives the same text as guard-core's TextNormalizer (run through tools/NormCheck.java on
the current sources), on strings that try to hide words from the classifier or trip a normaliser up."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
ROOT = os.path.dirname(TRAINING)
sys.path.insert(0, TRAINING)
from textnorm import normalise  # noqa: E402

JAVA_TEXT = os.path.join(ROOT, "guard-core", "src", "main", "java", "dev", "alignguard", "core", "internal", "normalize")

TRICKY = [
    # zero-width, format and bidi characters
    "ab\u200bcd", "k\u200cill \u200dme", "\ufeffstart", "soft\u00adhyphen", "word\u2060joiner",
    "\u202eliam kcalb\u202c", "\u2066isolate\u2069", "rtl\u200fmark\u200e", "tag\U000e0041\U000e007f",
    "mongolian\u180evowel", "e\u200b\u0301", "a \u200b b",
    # homoglyphs and compatibility forms
    "\u0440\u0430\u0443 now", "\u0391lpha \u0392eta", "\U0001d41b\U0001d425\U0001d41a\U0001d41c\U0001d424",
    "\u24d1\u24db\u24d0\u24d2\u24da", "\ufb01le", "x\u00b2", "\u216b", "\u2103", "\u338f", "\u00bd \u00bc",
    "\u2026", "\u2122", "\u00b5", "\u017f", "\u212a", "\u212b", "\u01c4", "\ufdfa", "\u00b4",
    # leetspeak (kept as is: the normaliser folds Unicode, not spelling)
    "bl4ckm41l th3m", "$hut d0wn 0r 3lse", "1 w1ll l34k 1t",
    # non-breaking and other spaces
    "a\u00a0b", "a\u202fb", "a\u2007b", "\u3000ideographic\u3000", "a\u2028b\u2029c", "a\u1680b\u205fc",
    # fullwidth and halfwidth
    "\uff22\uff2c\uff21\uff23\uff2b\uff2d\uff21\uff29\uff2c \uff59\uff4f\uff55", "\uff11\uff12\uff13",
    "\uff76\uff80\uff76\uff85", "\uff76\uff9e\uff77\uff9e",
    # combining marks
    "e\u0301", "cafe\u0301", "n\u0303o", "a\u0301\u0302", "z\u0336a\u0336l\u0336g\u0336o\u0336",
    "\u0301 leading mark", "x \u0301", "\u1100\u1161\u11a8", "\u0915\u094d\u0937\u093f", "o\u0308\u0323",
    # line breaks, tabs, controls
    "line1\r\nline2", "a\rb", "\r\n\r\n", "  lead and trail \n", "a\tb", "\t\tx\t", "a\x0bb\x0cc",
    "a\x85b", "\x00nul", "bell\x07", "esc\x1b[31mred", "a\x1cb\x1dc\x1ed\x1fe", "\x7fdel", "\x80\x9f",
    # emoji
    "\U0001f600", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f3f3\ufe0f\u200d\U0001f308",
    "\U0001f44d\U0001f3fd", "1\ufe0f\u20e3", "\u2764\ufe0f you",
    # CJK and other scripts
    "\u6771\u4eac\u306b\u884c\u304d\u307e\u3059", "\u4f60\u597d\uff0c\u4e16\u754c", "\ud55c\uad6d\uc5b4",
    "\u0645\u0631\u062d\u0628\u0627", "\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35", "\u3300\u32ff",
    # unpaired surrogates, private use, empty
    "\ud800x", "y\udfff", "\ue000private", "", "   ", "\u200b",
]


def to_hex(text):
    return " ".join("%x" % ord(c) for c in text)


def from_hex(line):
    return "".join(chr(int(h, 16)) for h in line.split())


def java_normalise(texts):
    """TextNormalizer.normalize(text).text() for each text; None when no JDK is on the PATH."""
    if not (shutil.which("javac") and shutil.which("java")):
        return None
    with tempfile.TemporaryDirectory() as d:
        classes, inp, out = os.path.join(d, "classes"), os.path.join(d, "in.txt"), os.path.join(d, "out.txt")
        sources = [os.path.join(JAVA_TEXT, "TextNormalizer.java"), os.path.join(JAVA_TEXT, "NormalizedText.java"),
                   os.path.join(TRAINING, "tools", "NormCheck.java")]
        subprocess.run(["javac", "-d", classes] + sources, check=True)
        with open(inp, "w", encoding="ascii") as f:
            f.write("".join(to_hex(t) + "\n" for t in texts))
        subprocess.run(["java", "-cp", classes, "NormCheck", inp, out], check=True)
        with open(out, encoding="ascii") as f:
            return [from_hex(line) for line in f.read().split("\n")[:len(texts)]]


class PythonNormaliserMatchesTheJavaGuard(unittest.TestCase):
    def test_every_tricky_string_normalises_as_in_java(self):
        java = java_normalise(TRICKY)
        if java is None:
            self.skipTest("no JDK on the PATH (javac, java): install JDK 17 to run the parity check")
        self.assertEqual(len(TRICKY), len(java))
        for text, want in zip(TRICKY, java):
            with self.subTest(text=to_hex(text)):
                self.assertEqual(to_hex(want), to_hex(normalise(text)))


class NormaliserFollowsTheContract(unittest.TestCase):
    def test_folds_compatibility_forms(self):
        self.assertEqual("BLACKMAIL you", normalise("\uff22\uff2c\uff21\uff23\uff2b\uff2d\uff21\uff29\uff2c \uff59\uff4f\uff55"))
        self.assertEqual("file", normalise("\ufb01le"))

    def test_drops_zero_width_and_control_chars_inside_words(self):
        self.assertEqual("kill me", normalise("k\u200cill\u00a0\u200dme\x07"))

    def test_collapses_every_space_including_line_breaks_and_separators_to_one(self):
        self.assertEqual("a b c d", normalise(" a\r\nb\t\u3000c\x1fd\u2028"))

    def test_keeps_leetspeak_and_combining_marks(self):
        self.assertEqual("bl4ckm41l z\u0336", normalise("bl4ckm41l z\u0336"))

    def test_composes_only_a_char_with_the_combining_marks_after_it(self):
        self.assertEqual("caf\u00e9", normalise("cafe\u0301"))
        self.assertEqual("\u1100\u1161\u11a8", normalise("\u1100\u1161\u11a8"))  # jamo are not combining marks

    def test_replaces_an_unpaired_surrogate(self):
        self.assertEqual("\ufffdx", normalise("\ud800x"))


if __name__ == "__main__":
    unittest.main()
