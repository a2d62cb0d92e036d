package dev.alignguard.onnx;

/**
 * How a model combines its two members, for one output: a window's score is
 * {@code sigmoid(windowWeight * logit(p) + ngramWeight * g + bias)}, where {@code p} is the window transformer's
 * probability and {@code g} the {@link NgramModel}'s logit for the document (the corpus model) or the whole action
 * (the guard model, one stack per label, which keeps the higher of this and {@code p}). Fitted on the validation
 * writers by training/malevolence_stack.py and training/guard_stack.py; both weights are positive, so a document's
 * highest window stays its highest.
 */
record DocumentStack(NgramModel ngram, double windowWeight, double ngramWeight, double bias) {
    /** Probabilities are clipped to [EPS, 1 - EPS] before the logit, as in training. */
    static final double EPS = 1e-7;

    DocumentStack {
        if (!(windowWeight > 0 && ngramWeight > 0 && Double.isFinite(windowWeight) && Double.isFinite(ngramWeight)
                && Double.isFinite(bias))) {
            throw new IllegalArgumentException("stack weights must be finite and positive, are " + windowWeight
                    + " and " + ngramWeight + " (bias " + bias + ")");
        }
    }

    /** The combined score of a window whose transformer probability is {@code p}, in a document of logit {@code g}. */
    float combine(float p, double g) {
        double q = Math.min(1 - EPS, Math.max(EPS, p));
        double z = windowWeight * Math.log(q / (1 - q)) + ngramWeight * g + bias;
        return (float) (1 / (1 + Math.exp(-z)));
    }
}
