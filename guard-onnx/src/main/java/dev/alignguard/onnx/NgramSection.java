package dev.alignguard.onnx;

import dev.alignguard.core.ModelLoadException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a bundle manifest's document-level n-gram member ({@code ngram}: the weights file's checksum, size, dimension
 * and feature rule, and a bias per output) and how it is combined with the transformer ({@code stack}), both or
 * neither, for the corpus model (one output) and the guard model (one per label). The weights file holds the outputs
 * one after another.
 */
final class NgramSection {
    static final String FILE = "ngram.f32";

    private NgramSection() {
    }

    /** Whether the manifest has the member or its stack (then both must be there). */
    static boolean present(Map<String, Object> manifest) {
        return manifest.containsKey("ngram") || manifest.containsKey("stack");
    }

    /**
     * One stack per output, in order; {@code weights} is the verified-to-be file's bytes (null when missing).
     *
     * @throws ModelLoadException naming the manifest and what is wrong with the section
     */
    static List<DocumentStack> read(BundleFiles files, String manifestName, Map<String, Object> manifest,
                                    byte[] weights, List<String> outputs) {
        String where = manifestName + " of " + files.origin();
        if (weights == null || !manifest.containsKey("stack")) {
            throw new ModelLoadException(where + " must state both ngram and stack, or neither");
        }
        Map<String, Object> n = JsonValues.object(manifest.get("ngram"));
        files.verified(weights, FILE, files.text(n, "sha256"));
        double dim = JsonValues.number(n.get("dim"), -1);
        if (!(dim >= 1 && dim == Math.rint(dim)) || dim * outputs.size() != weights.length / 4.0) {
            throw new ModelLoadException(where + ": ngram dim " + n.get("dim") + " does not match " + FILE + " ("
                    + weights.length + " bytes of float32 for " + outputs.size() + " output(s))");
        }
        List<Object> grams = JsonValues.array(n.get("char_ngrams"));
        if (!grams.equals(List.of((double) NgramModel.CHAR_NGRAMS[0], (double) NgramModel.CHAR_NGRAMS[1]))
                || JsonValues.number(n.get("char_step"), -1) != NgramModel.CHAR_STEP) {
            throw new ModelLoadException(where + ": this guard-onnx computes character n-grams of 3 and 5 every 2 "
                    + "code points; the bundle's n-gram model states " + n.get("char_ngrams") + " every "
                    + n.get("char_step"));
        }
        int maxChars = (int) JsonValues.number(n.get("max_chars"), -1);
        Map<String, Object> stack = JsonValues.object(manifest.get("stack"));
        List<DocumentStack> out = new ArrayList<>(outputs.size());
        try {
            for (int i = 0; i < outputs.size(); i++) {
                String output = outputs.get(i);
                boolean single = outputs.size() == 1;
                double bias = JsonValues.number(single ? n.get("bias") : JsonValues.object(n.get("bias")).get(output),
                        Double.NaN);
                Map<String, Object> s = single ? stack : JsonValues.object(stack.get(output));
                NgramModel model = NgramModel.of(weights, i * (int) dim, (int) dim, bias, maxChars);
                out.add(new DocumentStack(model, JsonValues.number(s.get("window_logit"), Double.NaN),
                        JsonValues.number(s.get("ngram_logit"), Double.NaN), JsonValues.number(s.get("bias"),
                        Double.NaN)));
            }
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(where + ": " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }
}
