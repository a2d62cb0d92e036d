package dev.alignguard.core.text;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Category;
import dev.alignguard.core.Evidence;
import dev.alignguard.core.Policy;
import dev.alignguard.core.ScoredField;
import dev.alignguard.core.internal.normalize.Chunker;
import dev.alignguard.core.internal.normalize.NormalizedText;
import dev.alignguard.core.internal.normalize.TextNormalizer;
import dev.alignguard.core.internal.normalize.Window;
import dev.alignguard.core.internal.text.DecodedViews;
import dev.alignguard.core.internal.text.FieldText;
import dev.alignguard.core.internal.text.ToolCallText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the guard scores for one action: its fields (a tool call's payload of tool name and {@code path: value}
 * lines, its rationale and the whole-action text of both; a plan's, output's or message's text), cut to the input
 * limit, with look-alike characters folded and encoded runs (base64, percent, HTML entities) decoded into views of
 * their own, each normalised and cut into windows. The guard scores exactly these windows, and the CLI's report
 * and the benchmarks read them here, so no copy of these steps exists anywhere else. Immutable.
 */
public final class ScoredText {
    private static final int SNIPPET_CHARS = 640;

    private final List<Field> fields;
    private final List<Part> parts;
    private final List<String> warnings;
    private final String text;
    private final int inputChars;
    private final boolean oversized;
    private final String actionText;

    private ScoredText(List<Field> fields, List<Part> parts, List<String> warnings, String text, int inputChars,
                       boolean oversized, String actionText) {
        this.fields = fields;
        this.parts = parts;
        this.warnings = warnings;
        this.text = text;
        this.inputChars = inputChars;
        this.oversized = oversized;
        this.actionText = actionText;
    }

    /** The action as a guard with default settings scores it ({@link Chunking#DEFAULT}, 100,000 characters). */
    public static ScoredText of(AgentAction action) {
        return of(action, Chunking.DEFAULT, Policy.DEFAULT_MAX_INPUT_CHARS);
    }

    /**
     * The action as a guard with this chunking and input limit scores it.
     *
     * @throws NullPointerException     if {@code action} or {@code chunking} is null
     * @throws IllegalArgumentException if {@code maxInputChars} is less than 1
     */
    public static ScoredText of(AgentAction action, Chunking chunking, int maxInputChars) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(chunking, "chunking");
        if (maxInputChars < 1) {
            throw new IllegalArgumentException("maxInputChars must be at least 1, got " + maxInputChars);
        }
        return new Builder(new Chunker(chunking)).build(action, maxInputChars);
    }

    /**
     * One string as the classifier sees it: NFKC, zero-width and control characters removed, whitespace folded
     * (the normalisation of {@code training/CONTRACT.md}; for parity checks against the training pipeline).
     */
    public static String normalize(String text) {
        return TextNormalizer.normalize(Objects.requireNonNull(text, "text")).text();
    }

    /**
     * The original string that {@code evidence}'s offsets point into: the plan's, output's or message's text, the
     * rationale, or the argument value at the evidence's JSON path (the raw arguments when it has none). Null when
     * the action has no such string.
     */
    public static String quoted(AgentAction action, Evidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        if (Objects.requireNonNull(action, "action") instanceof AgentAction.TextAction t) {
            return evidence.field() == ScoredField.TEXT ? t.text() : null;
        }
        AgentAction.ToolCall call = (AgentAction.ToolCall) action;
        return switch (evidence.field()) {
            case RATIONALE -> call.rationale();
            case ARGUMENTS -> argumentValue(ToolCallText.extract(call).fields().get(0), evidence.path());
            case TEXT, ACTION -> null; // whole-action evidence names the argument or rationale it quotes
        };
    }

    private static String argumentValue(FieldText payload, String path) {
        for (FieldText.Segment s : payload.segments()) {
            if (Objects.equals(s.path(), path)) {
                return payload.text().substring(s.start(), s.end());
            }
        }
        return null;
    }

    /** The action's fields as extracted, before the input limit, folding and decoding. */
    public List<Field> fields() {
        return fields;
    }

    /** Every text scored: each field (folded, encoded runs blanked) and each decoded view, in order. */
    public List<Part> parts() {
        return parts;
    }

    /** The distinct window texts of all parts, in order: what the classifier is given for this action. */
    public List<String> windows() {
        Set<String> distinct = new LinkedHashSet<>();
        parts.forEach(p -> distinct.addAll(p.windows()));
        return List.copyOf(distinct);
    }

    /** Anything odd about the text: malformed JSON, folded or decoded text, truncation, nothing to score. */
    public List<String> warnings() {
        return warnings;
    }

    /** The fields' text as extracted, each followed by a NUL character (what the audit record hashes). */
    public String text() {
        return text;
    }

    /**
     * The whole action as one normalised text, as the training pipeline's {@code texts.action_text} builds it: a
     * tool call's payload, then its rationale on a new line when it has one; a plan's, output's or message's text.
     * Cut to the first {@code maxInputChars} characters before it is normalised, as the scored windows are. What a
     * model's document-level member reads ({@code Classifier#forAction}; the bundled one reads its first 1,500).
     */
    public String actionText() {
        return actionText;
    }

    /** The characters of all fields, the whole-action text not counted twice. */
    public int inputChars() {
        return inputChars;
    }

    /** True when {@link #inputChars()} exceeded the input limit and only the first characters are scored. */
    public boolean oversized() {
        return oversized;
    }

    /** One field of an action as extracted: which field and its text. */
    public record Field(ScoredField field, String text) {
    }

    /**
     * One text that is scored on its own: a field or a decoded view of one. Its windows are normalised text; an
     * evidence span found in one maps back to offsets into the original string.
     */
    public static final class Part {
        private final FieldText quoted;
        private final NormalizedText normalized;
        private final List<Window> spans;
        private final List<String> windows;

        private Part(FieldText quoted, NormalizedText normalized, List<Window> spans) {
            this.quoted = quoted;
            this.normalized = normalized;
            this.spans = spans;
            List<String> w = new ArrayList<>(spans.size());
            for (Window s : spans) {
                w.add(normalized.text().substring(s.start(), s.end()));
            }
            this.windows = Collections.unmodifiableList(w);
        }

        /** The field this text belongs to. */
        public ScoredField field() {
            return quoted.field();
        }

        /** The window texts, in order (neighbours may share words). */
        public List<String> windows() {
            return windows;
        }

        /**
         * Window {@code window} as the evidence for {@code category} at {@code score}: offsets into the original
         * string (the argument value at its path, the rationale, the text), a snippet of it, and the field it is
         * in; the whole-action text quotes the argument or the rationale the window came from.
         *
         * @throws IndexOutOfBoundsException if there is no such window
         */
        public Evidence evidence(int window, Category category, double score) {
            Window w = spans.get(window);
            FieldText.Span span = quoted.toOriginal(normalized.originalStart(w.start()),
                    normalized.originalEnd(w.end()));
            ScoredField field = quoted.field() == ScoredField.ACTION ? ScoredField.ARGUMENTS : quoted.field();
            if (span == null) { // the window holds only the tool name and argument keys
                return new Evidence(category, score, field, null, 0, 0, "");
            }
            String snippet = span.text().length() <= SNIPPET_CHARS ? span.text()
                    : span.text().substring(0, SNIPPET_CHARS) + "...";
            return new Evidence(category, score, span.origin() != null ? span.origin() : field, span.path(),
                    span.start(), span.end(), snippet);
        }
    }

    /** The steps for one action: extract, cut to the limit, fold, decode, normalise, window. */
    private static final class Builder {
        private final Chunker chunker;
        private final List<Part> parts = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>(1);

        Builder(Chunker chunker) {
            this.chunker = chunker;
        }

        ScoredText build(AgentAction action, int maxInputChars) {
            List<FieldText> extracted;
            if (action instanceof AgentAction.ToolCall call) {
                ToolCallText.Result r = ToolCallText.extract(call);
                extracted = r.fields();
                warnings.addAll(r.warnings());
            } else {
                extracted = List.of(FieldText.whole(ScoredField.TEXT, ((AgentAction.TextAction) action).text()));
            }
            List<Field> fields = new ArrayList<>(extracted.size());
            StringBuilder joined = new StringBuilder();
            int budget = maxInputChars;
            int total = 0;
            boolean over = false;
            for (FieldText f : extracted) {
                fields.add(new Field(f.field(), f.text()));
                // the whole-action view repeats the other fields: it gets the budget of its own, and counts once
                boolean repeat = f.field() == ScoredField.ACTION;
                String text = f.text();
                if (!repeat) {
                    total += text.length();
                    joined.append(text).append('\u0000');
                }
                int allowed = repeat ? maxInputChars : budget;
                if (text.length() > allowed) {
                    over |= !repeat;
                    text = cut(text, allowed);
                }
                if (!repeat) {
                    budget -= text.length();
                }
                FieldText scored = text.length() == f.text().length() ? f
                        : new FieldText(f.field(), text, f.segments(), f.decodedFrom());
                addViews(f.field(), scored);
            }
            if (over) {
                warnings.add("input of " + total + " characters exceeds max-input-chars " + maxInputChars
                        + "; only the first " + maxInputChars + " were scored");
            }
            if (parts.isEmpty()) {
                warnings.add("nothing to score: the action's text is empty after normalisation");
            }
            // a tool call with a rationale: payload, rationale, then the whole-action field of both
            String whole = (extracted.size() > 2 && extracted.get(1).field() == ScoredField.RATIONALE
                    ? extracted.get(2) : extracted.get(0)).text();
            // cut as the windows are, so that an oversized action is never normalised whole
            String cutWhole = cut(whole, maxInputChars);
            return new ScoredText(List.copyOf(fields), List.copyOf(parts), List.copyOf(warnings), joined.toString(),
                    total, over, TextNormalizer.normalize(cutWhole).text());
        }

        /** The field (folded, its encoded runs blanked) unless a decoded view replaces it, then each view. */
        private void addViews(ScoredField field, FieldText scored) {
            String name = field.name().toLowerCase(Locale.ROOT);
            FieldText folded = DecodedViews.folded(scored);
            if (folded != null) {
                note("look-alike or leetspeak characters in the " + name + " were folded to plain letters before "
                        + "scoring");
            }
            List<DecodedViews.View> views = DecodedViews.of(scored);
            if (views.stream().noneMatch(DecodedViews.View::replacesField)) {
                addPart(DecodedViews.withoutEncodedRuns(folded != null ? folded : scored, views), scored);
            }
            for (DecodedViews.View view : views) {
                note((view.replacesField() ? "scored the decoded " : "also scored ") + view.reason() + " found in the "
                        + name);
                addPart(view.text(), view.text());
            }
        }

        private void addPart(FieldText field, FieldText quoted) {
            NormalizedText n = TextNormalizer.normalize(field.text());
            if (n.replacedSurrogates() > 0) {
                note(n.replacedSurrogates() + " unpaired UTF-16 surrogate(s) replaced before scoring");
            }
            if (!n.text().isEmpty()) {
                parts.add(new Part(quoted, n, chunker.windows(n)));
            }
        }

        private void note(String note) {
            if (!warnings.contains(note)) {
                warnings.add(note);
            }
        }

        /** The first {@code limit} chars of {@code text} (all of a shorter one), one fewer rather than split a pair. */
        private static String cut(String text, int limit) {
            if (text.length() <= limit) {
                return text;
            }
            int end = Math.max(0, limit);
            return text.substring(0, end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end);
        }
    }
}
