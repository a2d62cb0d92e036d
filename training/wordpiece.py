#!/usr/bin/env python3
"""Pure-Python BERT uncased WordPiece tokenizer, exact re-implementation of the HuggingFace `tokenizers`
(Rust) pipeline described by MiniLM's tokenizer.json.

Pipeline for `encode(text, max_length)` (text is expected to be `normalise(raw)` already):
  1. added (special) tokens `[PAD] [UNK] [CLS] [SEP] [MASK]` are matched verbatim (case-sensitive, they are
     `normalized: false`) and become their ids; the text between them goes through 2-4.
  2. BertNormalizer: clean_text (drop NUL, U+FFFD and control chars = Unicode Cc/Cf/Co except \\t \\n \\r;
     map White_Space chars to ' '), handle_chinese_chars (pad CJK ideographs with spaces), strip_accents
     (NFD then drop Mn), lowercase (char by char, no final-sigma rule).
  3. BertPreTokenizer: split on whitespace; every punctuation char (ASCII punctuation or Unicode P*) is its
     own word.
  4. WordPiece: greedy longest-match-first with `##` continuation; a word longer than 100 chars, or one with
     an unmatchable part, becomes a single [UNK].
  5. `[CLS] tokens [SEP]`, truncated to max_length by dropping content tokens from the end ([SEP] kept).

Known limits of exactness: Python's `unicodedata` (Unicode 14/15 depending on Python) and the Rust crates
(`unicode_categories`, `unicode-normalization-alignments`) may disagree on characters assigned in recent
Unicode versions. Everything in common use (Latin, Greek, Cyrillic, CJK, emoji, accents) agrees.

The text is normalised first by `textnorm.normalise` (the CONTRACT normalisation the Java guard applies).
"""
import functools
import json
import re
import sys
import unicodedata

from textnorm import RUST_WHITESPACE as WHITESPACE, normalise


def _is_control(c):  # HF bert normalizer: Cc | Cf | Co, except \t \n \r
    if c in "\t\n\r":
        return False
    return unicodedata.category(c) in ("Cc", "Cf", "Co")


def _is_chinese_char(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B920 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def _is_punc(c):
    cp = ord(c)
    if (33 <= cp <= 47) or (58 <= cp <= 64) or (91 <= cp <= 96) or (123 <= cp <= 126):
        return True
    return unicodedata.category(c).startswith("P")


def bert_normalize(text):
    out = []
    for c in text:
        if c == "\x00" or c == "\ufffd" or _is_control(c):
            continue
        if c in WHITESPACE:
            out.append(" ")
        elif _is_chinese_char(ord(c)):
            out.append(" " + c + " ")
        else:
            out.append(c)
    t = unicodedata.normalize("NFD", "".join(out))
    t = "".join(c for c in t if unicodedata.category(c) != "Mn")
    return "".join(c.lower() for c in t)


def bert_pretokenize(text):
    words, cur = [], []
    for c in text:
        if c in WHITESPACE:
            if cur:
                words.append("".join(cur))
                cur = []
        elif _is_punc(c):
            if cur:
                words.append("".join(cur))
                cur = []
            words.append(c)
        else:
            cur.append(c)
    if cur:
        words.append("".join(cur))
    return words


class WordPiece:
    def __init__(self, vocab, unk="[UNK]", prefix="##", max_chars=100, added=None, cls="[CLS]", sep="[SEP]"):
        self.vocab = vocab
        self.unk_id = vocab[unk]
        self.prefix = prefix
        self.max_chars = max_chars
        self.added = added or {}
        self.cls_id = self.added.get(cls, vocab.get(cls))
        self.sep_id = self.added.get(sep, vocab.get(sep))
        if self.added:
            pats = sorted(self.added, key=len, reverse=True)  # leftmost-longest
            self._added_re = re.compile("|".join(re.escape(p) for p in pats))
        else:
            self._added_re = None
        self._word_cache = functools.lru_cache(maxsize=200000)(self._word_ids)

    @classmethod
    def from_file(cls, path):
        with open(path, encoding="utf-8") as f:
            t = json.load(f)
        m = t["model"]
        assert m["type"] == "WordPiece"
        n = t["normalizer"]
        assert n["type"] == "BertNormalizer" and n["clean_text"] and n["handle_chinese_chars"] and n["lowercase"]
        assert n["strip_accents"] in (None, True)
        assert t["pre_tokenizer"]["type"] == "BertPreTokenizer"
        added = {a["content"]: a["id"] for a in t.get("added_tokens", [])}
        assert all(not a["normalized"] and not a["lstrip"] and not a["rstrip"] and not a["single_word"]
                   for a in t.get("added_tokens", []))
        return cls(m["vocab"], m["unk_token"], m["continuing_subword_prefix"], m["max_input_chars_per_word"], added)

    def _word_ids(self, word):
        if len(word) > self.max_chars:
            return (self.unk_id,)
        ids, start, n = [], 0, len(word)
        while start < n:
            end, cur = n, None
            while start < end:
                sub = word[start:end]
                if start > 0:
                    sub = self.prefix + sub
                i = self.vocab.get(sub)
                if i is not None:
                    cur = i
                    break
                end -= 1
            if cur is None:
                return (self.unk_id,)
            ids.append(cur)
            start = end
        return tuple(ids)

    def _segment_ids(self, text):
        ids = []
        for w in bert_pretokenize(bert_normalize(text)):
            ids.extend(self._word_cache(w))
        return ids

    def tokenize_ids(self, text):
        """Content token ids (no [CLS]/[SEP], no truncation)."""
        if self._added_re is None:
            return self._segment_ids(text)
        ids, pos = [], 0
        for m in self._added_re.finditer(text):
            ids.extend(self._segment_ids(text[pos:m.start()]))
            ids.append(self.added[m.group(0)])
            pos = m.end()
        ids.extend(self._segment_ids(text[pos:]))
        return ids

    def encode(self, text, max_length=128):
        """[CLS] ids [SEP], truncated to max_length (content cut at the end, [SEP] kept)."""
        ids = self.tokenize_ids(text)
        if max_length is not None:
            ids = ids[:max(0, max_length - 2)]
        return [self.cls_id] + ids + [self.sep_id]

    def batch(self, texts, max_length=128, normalised=False):
        """Tokenise and right-pad to the longest item; returns (input_ids, attention_mask) int64 tensors."""
        import torch
        seqs = [self.encode(t if normalised else normalise(t), max_length) for t in texts]
        s = max(len(x) for x in seqs)
        ids = torch.zeros((len(seqs), s), dtype=torch.long)
        mask = torch.zeros((len(seqs), s), dtype=torch.long)
        for i, x in enumerate(seqs):
            ids[i, :len(x)] = torch.tensor(x)
            mask[i, :len(x)] = 1
        return ids, mask


if __name__ == "__main__":
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    tok = WordPiece.from_file(os.path.join(here, "work", "all-minilm-l6-v2-tokenizer.json"))
    for line in (sys.argv[1:] or ["Hello, world! Héllo naïve café [MASK] 東京 😀"]):
        n = normalise(line)
        print(repr(n), tok.encode(n))
