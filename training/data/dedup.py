"""Near-duplicate detection: normalised word 5-gram shingles, a bottom-k sketch per text for candidate
generation (an inverted index over the k smallest shingle hashes), exact Jaccard on candidates.
Texts at Jaccard >= threshold with an already kept text are dropped, within and across splits, except
members of the same injection pair (which are near-identical by design). Standard library only."""
import re
import zlib

from textnorm import normalise  # training/ is on sys.path (build_corpus.py, assemble_v4.py)

K = 12  # sketch size
MIN_SHARED = 3  # candidates must share this many sketch hashes
BUCKET_CAP = 400  # ignore boilerplate hashes present in more texts than this


def shingles(text, n=5):
    t = normalise(text).lower()
    t = re.sub(r"\d+", "0", t)
    words = re.findall(r"[a-z0\u00c0-\u024f\u0400-\u04ff]+", t)
    if len(words) < n:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


class NearDup:
    def __init__(self, threshold=0.8):
        self.th = threshold
        self.index = {}
        self.sets = []
        self.groups = []

    def check_add(self, text, group=None):
        """True (and remember it) when text is not a near-duplicate of a kept text from another group."""
        sh = shingles(text)
        if not sh:
            return True
        hs = sorted(zlib.crc32(s.encode()) for s in sh)[:K]
        counts = {}
        for h in hs:
            for j in self.index.get(h, ())[:BUCKET_CAP]:
                counts[j] = counts.get(j, 0) + 1
        need = min(MIN_SHARED, len(hs))
        for j, c in counts.items():
            if c < need or (group is not None and self.groups[j] == group):
                continue
            other = self.sets[j]
            inter = len(sh & other)
            if inter / (len(sh) + len(other) - inter) >= self.th:
                return False
        idx = len(self.sets)
        self.sets.append(sh)
        self.groups.append(group)
        for h in hs:
            self.index.setdefault(h, []).append(idx)
        return True
