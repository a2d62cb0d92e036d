"""AlignGuard's text normalisation (CONTRACT.md), the one copy every training and data script uses; it gives
the same text as guard-core's TextNormalizer, which the Java guard applies before tokenising
(tests/test_textnorm.py runs both on the same tricky strings).

`normalise(text)`:
  a. An unpaired surrogate becomes U+FFFD.
  b. Unicode NFKC, applied to each base char together with the combining marks (Mn, Mc, Me) that follow it,
     as Java does: e + U+0301 becomes é, but conjoining Hangul jamo and a halfwidth katakana voiced sound mark
     are not composed with the char before them (the tokenizer decomposes both again, so token ids agree with
     NFKC of the whole text).
  c. Every char of general category Cc (control) or Cf (format: zero-width space/joiners, BOM, bidi marks, soft
     hyphen, ...) is dropped, unless it is a space char below.
  d. Every maximal run of space chars becomes one U+0020. Space chars are Java's (`Character.isWhitespace`,
     `isSpaceChar`, U+0085): categories Zs, Zl, Zp plus U+0009-U+000D and U+001C-U+001F, U+0085.
  e. Leading and trailing U+0020 are trimmed.
"""
import functools
import re
import unicodedata

# Rust char::is_whitespace (the Unicode White_Space property): what HF's BertNormalizer maps to ' ' (wordpiece.py)
RUST_WHITESPACE = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
                            + "".join(chr(c) for c in range(0x2000, 0x200B)))
# Java TextNormalizer.isSpace: the same set plus the four C0 information separators U+001C-U+001F
SPACES = RUST_WHITESPACE | frozenset("\x1c\x1d\x1e\x1f")
_SPACE_RUN = re.compile("[" + "".join(sorted(SPACES)).replace("\\", "\\\\") + "]+")
_SURROGATE = re.compile("[\ud800-\udfff]")


@functools.lru_cache(maxsize=None)
def _cluster():
    """A char and the combining marks (Mn, Mc, Me) after it; built on first use (a scan of all code points)."""
    marks, start = [], None
    for cp in range(0x110001):
        mark = cp < 0x110000 and unicodedata.category(chr(cp)) in ("Mn", "Mc", "Me")
        if mark and start is None:
            start = cp
        elif not mark and start is not None:
            marks.append(re.escape(chr(start)) + ("-" + re.escape(chr(cp - 1)) if cp - 1 > start else ""))
            start = None
    return re.compile("(?s).[" + "".join(marks) + "]*")


def _nfkc_per_cluster(text):
    if text.isascii():
        return text
    return _cluster().sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def normalise(text):
    """CONTRACT normalisation: NFKC per char and its combining marks, drop Cc/Cf except spaces, collapse space runs
    to one ' ', trim."""
    t = _nfkc_per_cluster(_SURROGATE.sub("\ufffd", text))
    t = "".join(c for c in t if c in SPACES or unicodedata.category(c) not in ("Cc", "Cf"))
    return _SPACE_RUN.sub(" ", t).strip(" ")
