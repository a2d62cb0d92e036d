package dev.alignguard.core.internal.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsFullWidthAndCompatibilityForms() {
        assertEquals("Board meeting ﬁ".replace("ﬁ", "fi"), TextNormalizer.normalize("Ｂｏａｒｄ meeting ﬁ").text());
    }

    @Test
    void composesABaseLetterWithItsCombiningMarks() {
        NormalizedText n = TextNormalizer.normalize("cafe\u0301 ok");
        assertEquals("caf\u00E9 ok", n.text());
        assertEquals(3, n.originalStart(3));
        assertEquals(5, n.originalEnd(4));
    }

    @Test
    void removesZeroWidthCharactersThatSplitWords() {
        assertEquals("blackmail", TextNormalizer.normalize("bl\u200Back\u200Dma\uFEFFil").text());
    }

    @Test
    void collapsesWhitespaceAndTrims() {
        assertEquals("a b c", TextNormalizer.normalize("  a\n\t b\u00A0\u2003c \r\n").text());
    }

    @Test
    void remembersWhichSpacesBrokeALine() {
        NormalizedText n = TextNormalizer.normalize("one two\r\n\n three\u2028four");
        assertEquals("one two three four", n.text());
        assertFalse(n.lineBreakAt(3));
        assertTrue(n.lineBreakAt(7));
        assertTrue(n.lineBreakAt(13));
    }

    @Test
    void dropsControlCharactersThatSplitWords() {
        assertEquals("blackmail", TextNormalizer.normalize("black\u0000ma\u001Bil").text());
    }

    @Test
    void removesBidiOverrides() {
        assertEquals("abc", TextNormalizer.normalize("a\u202Eb\u202Cc").text());
    }

    @Test
    void replacesUnpairedSurrogates() {
        NormalizedText n = TextNormalizer.normalize("a\uD800b\uDC00");
        assertEquals("a\uFFFDb\uFFFD", n.text());
        assertEquals(2, n.replacedSurrogates());
    }

    @Test
    void mapsEveryNormalisedSpanBackToTheOriginal() {
        String original = "  Pay\u200B  now\uFF01";
        NormalizedText n = TextNormalizer.normalize(original);
        assertEquals("Pay now!", n.text());
        int at = n.text().indexOf("now!");
        assertEquals("now\uFF01", original.substring(n.originalStart(at), n.originalEnd(at + 4)));
    }

    @Property(tries = 500)
    void offsetsAlwaysLieInsideTheOriginalAndNeverGoBackwards(@ForAll String original) {
        NormalizedText n = TextNormalizer.normalize(original);
        int prev = 0;
        for (int i = 0; i < n.text().length(); i++) {
            int s = n.originalStart(i);
            int e = n.originalEnd(i + 1);
            assertTrue(s >= prev && s < e && e <= original.length(), "offsets at " + i);
            prev = s;
        }
    }

    @Property(tries = 300)
    void normalisingTwiceChangesNothing(@ForAll String original) {
        String once = TextNormalizer.normalize(original).text();
        assertEquals(once, TextNormalizer.normalize(once).text());
    }
}
