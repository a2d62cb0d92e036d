package dev.alignguard.core.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.alignguard.core.internal.json.JsonText;
import dev.alignguard.core.io.BoundedLineReader;
import java.io.IOException;

/**
 * The corpus audit's JSONL format, shared by the CLI and guard-spark. Input lines are objects with a
 * {@code text} string, an optional {@code id} (string or number) and an optional {@code source} string; other
 * members are ignored. Output lines are {@code {"line": N, "id": ..., "source": ..., "ai_malevolence": p,
 * "windows": n, "windows_over": k, "spans": [{"start": s, "end": e, "score": p, "snippet": "..."}]}} ({@code id}
 * and {@code source} only when the input has them) or {@code {"line": N, "id": ..., "error": "..."}}.
 */
public final class CorpusJsonl {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private CorpusJsonl() {
    }

    /** The documents of a JSONL input, numbered from line 1; unreadable lines become unreadable documents. */
    public static CorpusAuditor.DocumentSource reader(BoundedLineReader in) {
        long[] line = {0};
        return () -> {
            BoundedLineReader.Line read = in.next();
            if (read == null) {
                return null;
            }
            line[0]++;
            return read.overLong() ? overLong(line[0], in.maxChars()) : parse(line[0], read.text());
        };
    }

    /** The unreadable document for a line longer than {@code maxChars}. */
    public static CorpusDocument overLong(long line, int maxChars) {
        return CorpusDocument.unreadable(line, null, "line is longer than the limit of " + maxChars + " characters");
    }

    /** One input line as a document, or as an unreadable one saying what is wrong with it. */
    public static CorpusDocument parse(long line, String json) {
        if (json.isBlank()) {
            return CorpusDocument.unreadable(line, null, "empty line");
        }
        String id = null;
        boolean numericId = false;
        String text = null;
        String source = null;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return CorpusDocument.unreadable(line, null, "not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "id" -> {
                        numericId = value.isNumeric();
                        if (numericId || value == JsonToken.VALUE_STRING) {
                            id = p.getText();
                        } else if (value != JsonToken.VALUE_NULL) {
                            return CorpusDocument.unreadable(line, null, "\"id\" must be a string or a number");
                        }
                    }
                    case "text" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            return unreadable(line, id, numericId, "\"text\" must be a string");
                        }
                        text = p.getText();
                    }
                    case "source" -> {
                        if (value == JsonToken.VALUE_STRING) {
                            source = p.getText();
                        } else if (value != JsonToken.VALUE_NULL) {
                            return unreadable(line, id, numericId, "\"source\" must be a string");
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return unreadable(line, id, numericId, "text after the JSON object");
            }
        } catch (JsonProcessingException e) {
            return unreadable(line, id, numericId, "malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            return unreadable(line, id, numericId, "malformed JSON: " + e.getMessage());
        }
        if (text == null) {
            return unreadable(line, id, numericId, "no \"text\" member");
        }
        return new CorpusDocument(line, id, numericId, source, text, null);
    }

    private static CorpusDocument unreadable(long line, String id, boolean numericId, String error) {
        return new CorpusDocument(line, id, numericId, null, null, error);
    }

    /** The output line for {@code result}, without a line break. */
    public static String write(CorpusResult result) {
        CorpusDocument d = result.document();
        StringBuilder sb = new StringBuilder(256).append("{\"line\":").append(d.line());
        if (d.id() != null) {
            sb.append(",\"id\":");
            if (d.numericId()) {
                sb.append(d.id());
            } else {
                JsonText.quote(sb, d.id());
            }
        }
        if (d.source() != null) {
            JsonText.quote(sb.append(",\"source\":"), d.source());
        }
        if (result.error() != null) {
            return JsonText.quote(sb.append(",\"error\":"), result.error()).append('}').toString();
        }
        DocumentAudit a = result.audit();
        sb.append(",\"ai_malevolence\":").append(number(a.score())).append(",\"windows\":").append(a.windows())
                .append(",\"windows_over\":").append(a.windowsOver()).append(",\"spans\":[");
        String sep = "";
        for (DocumentAudit.Span s : a.spans()) {
            sb.append(sep).append("{\"start\":").append(s.start()).append(",\"end\":").append(s.end())
                    .append(",\"score\":").append(number(s.score())).append(",\"snippet\":");
            JsonText.quote(sb, s.snippet()).append('}');
            sep = ",";
        }
        return sb.append("]}").toString();
    }

    /** A probability as the model gave it (float precision), shortest form. */
    private static String number(double p) {
        return Float.toString((float) p);
    }
}
