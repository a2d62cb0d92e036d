package dev.alignguard.benchmarks;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.onnx.ModelBundle;
import dev.alignguard.onnx.OnnxClassifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How much of each {@link CascadeBenchmark} traffic the screening model answers alone: checks every action
 * once (cache off) and prints one JSON line per traffic with the actions whose every window it cleared (those
 * never reach the full model) and the windows it cleared. Explains the cascade's latency next to the JMH
 * numbers; {@code run.sh} writes the lines to {@code results/<date>-screen.jsonl}. Run: {@code java
 * -Dai.djl.offline=true -cp guard-benchmarks/target/benchmarks.jar dev.alignguard.benchmarks.ScreenShare
 * [bundle-dir]}: the bundled model, or an unpacked bundle (an earlier release, to compare screens).
 */
public final class ScreenShare {
    private ScreenShare() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        try (OnnxClassifier classifier = OnnxClassifier.load(args.length == 0 ? ModelBundle.bundled()
                : ModelBundle.fromDirectory(Path.of(args[0])), OnnxClassifier.Options.DEFAULT);
             Guard guard = guard(classifier)) {
            for (String traffic : CascadeBenchmark.TRAFFIC) {
                Share share = measure(guard, classifier, CascadeBenchmark.traffic(traffic));
                System.out.printf(Locale.ROOT, "{\"traffic\":\"%s\",\"actions\":%d,\"actions_cleared\":%d,"
                        + "\"windows\":%d,\"windows_cleared\":%d}%n", traffic, share.actions(),
                        share.actionsCleared(), share.windows(), share.windowsCleared());
            }
            Fixtures.requireHealthy(guard);
        }
    }

    /** A guard on {@code classifier} with the benchmarks' policy, cache off and no audit. */
    static Guard guard(OnnxClassifier classifier) {
        return Guard.builder().classifier(classifier).config(Fixtures.config(false)).auditSink(Fixtures.NO_AUDIT)
                .build();
    }

    /** Checks every action once; an action counts as cleared when the screen answered all of its windows. */
    static Share measure(Guard guard, OnnxClassifier classifier, List<AgentAction.ToolCall> actions) {
        int actionsCleared = 0;
        long windows = 0;
        long windowsCleared = 0;
        for (AgentAction.ToolCall action : actions) {
            long read = classifier.windowsRead();
            long before = classifier.clearedByScreen();
            Fixtures.requireScored(guard.check(action));
            long n = classifier.windowsRead() - read;
            long cleared = classifier.clearedByScreen() - before;
            windows += n;
            windowsCleared += cleared;
            if (cleared == n) {
                actionsCleared++;
            }
        }
        return new Share(actions.size(), actionsCleared, windows, windowsCleared);
    }

    /** What the screen answered alone, of one traffic. */
    record Share(int actions, int actionsCleared, long windows, long windowsCleared) {
    }
}
