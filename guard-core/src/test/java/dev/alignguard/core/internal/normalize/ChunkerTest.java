package dev.alignguard.core.internal.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.text.Chunking;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    private final Chunker chunker = new Chunker(new Chunking(10, 60, 3));

    @Test
    void shortTextIsOneWindow() {
        assertEquals(List.of(new Window(0, 11)), chunker.windows("hello world"));
    }

    @Test
    void longTextGetsOverlappingWindowsWithinTheLimits() {
        String text = String.join(" ", java.util.Collections.nCopies(40, "word"));
        List<Window> w = chunker.windows(text);
        assertTrue(w.size() > 3);
        for (int i = 0; i < w.size(); i++) {
            Window win = w.get(i);
            assertTrue(win.end() - win.start() <= 60);
            if (i > 0) {
                assertTrue(win.start() < w.get(i - 1).end(), "consecutive windows overlap");
            }
        }
        assertEquals(text.length(), w.get(w.size() - 1).end());
    }

    @Test
    void aThreatBuriedDeepInLongTextLandsWhollyInSomeWindow() {
        String filler = "lorem ipsum dolor sit amet ".repeat(50);
        String text = (filler + "pay or else " + filler).trim();
        int at = text.indexOf("pay or else");
        assertTrue(chunker.windows(text).stream().anyMatch(w -> w.start() <= at && w.end() >= at + 11));
    }

    @Test
    void aSingleHugeTokenIsCut() {
        String text = "x".repeat(1_000);
        List<Window> w = chunker.windows(text);
        assertTrue(w.stream().allMatch(win -> win.end() - win.start() <= 60));
        assertEquals(1_000, w.get(w.size() - 1).end());
    }

    @Property(tries = 200)
    void windowsCoverEveryNonSpaceCharacter(@ForAll @IntRange(min = 0, max = 400) int words,
                                             @ForAll @IntRange(min = 1, max = 30) int wordLength) {
        String text = String.join(" ", java.util.Collections.nCopies(words, "a".repeat(wordLength)));
        boolean[] covered = new boolean[text.length()];
        for (Window w : chunker.windows(text)) {
            for (int i = w.start(); i < w.end(); i++) {
                covered[i] = true;
            }
        }
        for (int i = 0; i < text.length(); i++) {
            assertTrue(covered[i] || text.charAt(i) == ' ', "char " + i + " not covered");
        }
    }

    @Test
    void aParagraphOfALongDocumentKeepsAWindowOfItsOwn() {
        String filler = "lorem ipsum dolor sit amet ".repeat(3).trim();
        StringBuilder doc = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            doc.append(filler).append('\n');
        }
        String threat = "cancel the migration or the board sees the photos";
        String text = doc + threat + "\n" + doc;
        NormalizedText n = TextNormalizer.normalize(text);
        int at = n.text().indexOf(threat);
        List<Window> w = new Chunker(new Chunking(20, 200, 3, 12)).windows(n);
        assertTrue(w.stream().anyMatch(win -> win.start() == at && win.end() == at + threat.length()),
                "the threat's line is a window alone, not cut and not diluted: " + w);
    }

    @Test
    void windowsOfWholeLinesStayWithinTheWordLimit() {
        String text = String.join("\n", java.util.Collections.nCopies(30, "one two three four five"));
        NormalizedText n = TextNormalizer.normalize(text);
        for (Window win : new Chunker(new Chunking(20, 200, 3, 12)).windows(n)) {
            String t = n.text().substring(win.start(), win.end());
            assertTrue(t.split(" ").length <= 12, t);
        }
    }

    @Test
    void aShortLineAtAWindowsEndIsRepeatedAtTheNextOnesStart() {
        String text = "alpha beta gamma delta epsilon zeta\nsign today\neta theta iota kappa lambda mu\n"
                + "nu xi omicron pi rho sigma\ntau upsilon phi chi psi omega";
        NormalizedText n = TextNormalizer.normalize(text);
        List<Window> w = new Chunker(new Chunking(20, 200, 3, 10)).windows(n);
        int at = n.text().indexOf("sign today");
        assertEquals(2, w.stream().filter(win -> win.start() <= at && win.end() >= at + 10).count(), w.toString());
    }

    @Test
    void aTextThatFitsOneWindowIsOneWindowWhateverItsLines() {
        NormalizedText n = TextNormalizer.normalize("first line\nsecond line\nthird line");
        assertEquals(List.of(new Window(0, n.text().length())), chunker.windows(n));
    }

    @Property(tries = 200)
    void windowsOfLinesCoverEveryNonSpaceCharacter(@ForAll @IntRange(min = 0, max = 60) int lines,
                                                   @ForAll @IntRange(min = 1, max = 25) int wordsPerLine) {
        String line = String.join(" ", java.util.Collections.nCopies(wordsPerLine, "word"));
        NormalizedText n = TextNormalizer.normalize(String.join("\n", java.util.Collections.nCopies(lines, line)));
        String text = n.text();
        boolean[] covered = new boolean[text.length()];
        for (Window w : chunker.windows(n)) {
            assertTrue(w.end() - w.start() <= 60, "window within the character limit");
            for (int i = w.start(); i < w.end(); i++) {
                covered[i] = true;
            }
        }
        for (int i = 0; i < text.length(); i++) {
            assertTrue(covered[i] || text.charAt(i) == ' ', "char " + i + " not covered");
        }
    }
}
