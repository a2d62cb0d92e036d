package dev.alignguard.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The command line: usage errors exit with 2 and write nothing to the protocol stream. */
class ProxyCommandTest {
    private final ByteArrayOutputStream protocol = new ByteArrayOutputStream();

    private int run(String... args) {
        return McpGuardProxy.run(new ByteArrayInputStream(new byte[0]), protocol, args);
    }

    @Test
    void exitsWithAUsageErrorWithoutAServerCommand() {
        assertEquals(2, run("--on-approval", "flag"));
        assertEquals(0, protocol.size());
    }

    @Test
    void exitsWithAUsageErrorForAnUnknownOnApprovalValue() {
        assertEquals(2, run("--on-approval", "ask", "--", "true"));
        assertEquals(0, protocol.size());
    }

    @Test
    void exitsWith1WhenTheServerCannotBeStarted() {
        assertEquals(1, run("--", "/nonexistent/mcp-server"));
        assertEquals(0, protocol.size());
    }

    @Test
    void exitsWith1WhenTheAuditFileCannotBeOpened() {
        assertEquals(1, run("--audit", "/nonexistent/dir/audit.jsonl", "--", "true"));
        assertEquals(0, protocol.size());
    }

    @Test
    void exitsWithAUsageErrorForAMaxLineCharsOutside1KiTo1Gi() {
        for (String chars : new String[] {"1023", "0", "-1", "1073741825", "99999999999", "16Mi"}) {
            assertEquals(2, run("--max-line-chars", chars, "--", "/nonexistent/mcp-server"), chars);
        }
        assertEquals(0, protocol.size());
    }

    @Test
    void acceptsMaxLineCharsFrom1KiTo1Gi() {
        for (String chars : new String[] {"1024", "16777216", "1073741824"}) {
            assertEquals(1, run("--max-line-chars", chars, "--", "/nonexistent/mcp-server"), chars + ": the options "
                    + "were accepted, then the server could not start");
        }
        assertEquals(0, protocol.size());
    }

    @Test
    void readsCallTimeoutsInEveryDocumentedForm() {
        ProxyCommand.DurationConverter c = new ProxyCommand.DurationConverter();
        assertEquals(Duration.ofMillis(500), c.convert("500ms"));
        assertEquals(Duration.ofSeconds(30), c.convert("30s"));
        assertEquals(Duration.ofMinutes(2), c.convert("2m"));
        assertEquals(Duration.ofSeconds(30), c.convert("PT30S"));
        assertEquals(Duration.ZERO, c.convert("0"));
        assertThrows(TypeConversionException.class, () -> c.convert("soon"));
        assertThrows(TypeConversionException.class, () -> c.convert("-5s"));
        assertThrows(TypeConversionException.class, () -> c.convert("30"));
    }
}
