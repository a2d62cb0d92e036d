package dev.alignguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveSpecialCharacters() {
        assertEquals("&amp;&lt;&gt;&quot;&#39;", Html.escape("&<>\"'"));
        assertEquals("a &amp;amp; b", Html.escape("a &amp; b"), "an existing reference is escaped again, not trusted");
    }

    @Test
    void aScriptTagBecomesText() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.escape("<script>alert(1)</script>"));
        assertEquals("&lt;/ScRiPt&gt;&lt;!--", Html.escape("</ScRiPt><!--"));
    }

    @Test
    void anAttributeValueCannotBeClosed() {
        String hostile = "\"><img src=x onerror=\"alert(1)\"> ' onmouseover='alert(2)";
        String escaped = Html.escape(hostile);
        assertEquals("&quot;&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &#39; onmouseover=&#39;alert(2)", escaped);
        for (char c : "<>\"'".toCharArray()) {
            assertEquals(-1, escaped.indexOf(c), "raw " + c);
        }
    }

    @Test
    void loneSurrogatesBecomeTheReplacementCharacterAndPairsSurvive() {
        assertEquals("a\uFFFDb", Html.escape("a\uD800b"));
        assertEquals("a\uFFFD", Html.escape("a\uD800"), "high surrogate at the end");
        assertEquals("\uFFFDb", Html.escape("\uDC00b"), "low surrogate at the start");
        assertEquals("\uFFFD\uFFFD", Html.escape("\uDC00\uD800"), "reversed pair");
        assertEquals("\uD83D\uDE00 ok", Html.escape("\uD83D\uDE00 ok"), "a valid pair (emoji) is kept");
        assertEquals("\uD83D\uDE00\uFFFD", Html.escape("\uD83D\uDE00\uDE00"), "pair then a lone low surrogate");
    }

    @Test
    void controlAndInvisibleCharactersAreReplacedButWhitespaceIsKept() {
        assertEquals("a\tb\nc\rd", Html.escape("a\tb\nc\rd"));
        assertEquals("\uFFFD\uFFFD\uFFFD\uFFFD", Html.escape("\u0000\u0007\u001B\u007F"));
        assertEquals("\uFFFD\uFFFD", Html.escape("\u0085\u009F"), "C1 controls");
        assertEquals("x\uFFFDevil\uFFFDx", Html.escape("x\u202Eevil\u2069x"), "bidi override and isolate controls");
        assertEquals("\uFFFD\uFFFD\uFFFD", Html.escape("\uFDD0\uFFFE\uFFFF"), "noncharacters");
        assertEquals("\uFFFD", Html.escape("\uD83F\uDFFF"), "supplementary noncharacter U+1FFFF");
    }

    @Test
    void ordinaryTextIsUnchanged() {
        String text = "Grüße, 東京 — ordinary text with numbers 1 < 2 aside";
        assertEquals(text.replace("<", "&lt;"), Html.escape(text));
        assertFalse(Html.escape("").contains("&"));
    }
}
