package dev.alignguard.core;

import dev.alignguard.core.audit.AuditEvent;
import dev.alignguard.core.audit.AuditSink;
import dev.alignguard.core.audit.Slf4jAuditSink;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.classify.ClassifierProvider;
import dev.alignguard.core.classify.ModelInfo;
import dev.alignguard.core.internal.classify.CachingClassifier;
import dev.alignguard.core.internal.policy.ThresholdPolicy;
import dev.alignguard.core.internal.verdict.CheckRun;
import dev.alignguard.core.internal.verdict.VerdictCache;
import dev.alignguard.core.judge.Judge;
import dev.alignguard.core.judge.JudgeModel;
import dev.alignguard.core.text.Chunking;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard: call {@link #check} before every tool execution (and on plans and final outputs) and act on the
 * {@link Verdict}, or {@link #wrap} tools so that blocked calls never run. Thread-safe; build one per model
 * and share it: the model is loaded once. Checks never throw for bad input (they return a verdict with
 * warnings) and never let a classifier or audit failure turn into an allow: the fail mode decides.
 */
public final class Guard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

    private final Classifier classifier;
    private final ModelInfo model;
    private final boolean ownsClassifier;
    private final Policy policy;
    private final ThresholdPolicy thresholds;
    private final AuditSink audit;
    private final boolean auditRawText;
    private final Duration timeout;
    private final ApprovalHandler approvals;
    private final Executor executor;
    private final CheckRun.Settings settings;
    private final VerdictCache verdicts;
    private final LongAdder errors = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder auditFailures = new LongAdder();
    private final LongAdder verdictCacheHits = new LongAdder();

    private Guard(Builder b, Classifier base, boolean owns) {
        this.classifier = b.config.cache().enabled() ? new CachingClassifier(base, b.config.cache()) : base;
        this.model = base.info();
        this.ownsClassifier = owns;
        this.policy = b.config.policy();
        this.thresholds = ThresholdPolicy.resolve(policy, model);
        this.audit = b.audit != null ? b.audit : new Slf4jAuditSink();
        this.auditRawText = b.config.auditRawText();
        this.timeout = b.config.timeout();
        this.approvals = b.judge != null && b.config.judge().enabled()
                ? Judge.of(b.judge, b.config.judge(), b.approvals) : b.approvals;
        this.executor = b.executor;
        this.settings = new CheckRun.Settings(b.chunking, b.batchSize);
        this.verdicts = b.config.cache().enabled() ? new VerdictCache(b.config.cache()) : null;
    }

    /** A guard with the bundled model (guard-onnx and guard-model on the class path) and default settings. */
    public static Guard create() {
        return builder().build();
    }

    /** A guard with the bundled model (or the one the file names) and the settings of a YAML/properties file. */
    public static Guard create(Path configFile) {
        return builder().config(GuardConfig.load(configFile)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Checks one action with an empty context. */
    public Verdict check(AgentAction action) {
        return check(action, GuardContext.empty());
    }

    /**
     * Checks one action; returns before the action may run. Never throws for the action's content, a
     * failing classifier or audit sink, or a bug in the guard itself: those become fail-mode verdicts.
     *
     * @throws NullPointerException if {@code action} or {@code context} is null
     */
    public Verdict check(AgentAction action, GuardContext context) {
        return checkAll(List.of(Objects.requireNonNull(action, "action")), context).get(0);
    }

    /**
     * Checks several actions in one classifier pass (one verdict each, in order). The deadline applies to
     * the whole batch.
     */
    public List<Verdict> checkAll(List<? extends AgentAction> actions, GuardContext context) {
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(context, "context");
        for (AgentAction a : actions) {
            Objects.requireNonNull(a, "actions must not contain null");
        }
        List<VerdictCache.Checked> checked = checked(actions);
        List<Verdict> out = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            out.add(record(actions.get(i), context, checked.get(i)));
        }
        return out;
    }

    private List<VerdictCache.Checked> checked(List<? extends AgentAction> actions) {
        return verdicts == null ? evaluate(actions) : cachedOrEvaluated(actions);
    }

    /**
     * Answers the actions the verdict cache holds (their verdicts report the lookup's time), runs the pipeline
     * on the others in one pass, and keeps what it produced.
     */
    private List<VerdictCache.Checked> cachedOrEvaluated(List<? extends AgentAction> actions) {
        long started = System.nanoTime();
        List<VerdictCache.Checked> checked = new ArrayList<>(actions.size());
        List<AgentAction> misses = new ArrayList<>(actions.size());
        for (AgentAction a : actions) {
            VerdictCache.Checked hit = verdicts.get(a);
            checked.add(hit);
            if (hit == null) {
                misses.add(a);
            }
        }
        Duration lookup = Duration.ofNanos(System.nanoTime() - started);
        List<VerdictCache.Checked> evaluated = misses.isEmpty() ? List.of() : evaluate(misses);
        for (int i = 0, m = 0; i < checked.size(); i++) {
            VerdictCache.Checked c = checked.get(i);
            if (c == null) {
                c = evaluated.get(m++);
                verdicts.put(actions.get(i), c);
            } else {
                verdictCacheHits.increment();
                c = new VerdictCache.Checked(c.verdict().withElapsed(lookup), c.textSha256(), c.text());
            }
            checked.set(i, c);
        }
        return checked;
    }

    /** Runs the pipeline; a bug inside it becomes a fail-mode verdict for every action. */
    private List<VerdictCache.Checked> evaluate(List<? extends AgentAction> actions) {
        CheckRun run = new CheckRun(actions, policy, thresholds, classifier, settings, timeout);
        List<Verdict> verdicts;
        try {
            verdicts = run.execute();
        } catch (RuntimeException | StackOverflowError e) { // a bug in the guard itself must not allow
            LOG.error("AlignGuard check failed unexpectedly; applying fail mode {}", policy.failMode(), e);
            errors.increment();
            Verdict failed = Verdict.builder(policy.failMode().decision(), Cause.ERROR).modelId(model.id())
                    .warning("guard failed: " + e.getClass().getSimpleName() + "; fail mode " + policy.failMode()
                            + " applied").build();
            VerdictCache.Checked c = new VerdictCache.Checked(failed, Hashing.sha256(""), auditRawText ? "" : null);
            return java.util.Collections.nCopies(actions.size(), c);
        }
        if (run.failure() == Cause.ERROR) {
            errors.increment();
        } else if (run.failure() == Cause.TIMEOUT) {
            timeouts.increment();
        }
        List<VerdictCache.Checked> out = new ArrayList<>(verdicts.size());
        for (int i = 0; i < verdicts.size(); i++) {
            String text = run.textOf(i);
            out.add(new VerdictCache.Checked(verdicts.get(i), Hashing.sha256(text), auditRawText ? text : null));
        }
        return out;
    }

    /**
     * Checks on the executor given to the builder (default: the common fork-join pool). The stage completes
     * with the verdict; it never completes exceptionally for bad input or a failing classifier.
     */
    public CompletionStage<Verdict> checkAsync(AgentAction action, GuardContext context) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(context, "context");
        return CompletableFuture.supplyAsync(() -> check(action, context), executor);
    }

    /** A tool that is checked before every call. */
    public <R> GuardedTool<R> wrap(Tool<R> tool) {
        return new GuardedTool<>(this, tool);
    }

    /**
     * A function from JSON arguments to a result that is checked before every call; throws
     * {@link ActionBlockedException} instead of calling {@code tool} when the verdict stops it.
     */
    public <R> Function<String, R> wrap(String toolName, Function<String, R> tool) {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(toolName, "toolName");
        return args -> {
            enforce(new AgentAction.ToolCall(toolName, args, null), GuardContext.empty());
            return tool.apply(args);
        };
    }

    /**
     * Checks {@code action} and returns its verdict if the action may run (ALLOW, FLAG, or approved);
     * otherwise throws {@link ActionBlockedException}, the only exception it throws for a non-null action. A
     * REQUIRE_APPROVAL verdict that a {@link Judge} covers is judged before it is audited, so the verdict and its
     * audit record carry the {@link Judgement}; other approval handlers are asked after the audit.
     */
    public Verdict enforce(AgentAction action, GuardContext context) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(context, "context");
        VerdictCache.Checked checked = checked(List.of(action)).get(0);
        Verdict v = record(action, context, judged(action, checked));
        String tool = action instanceof AgentAction.ToolCall call ? call.tool() : action.kind();
        if (v.decision() == Decision.BLOCK) {
            throw new ActionBlockedException(tool, v, "AlignGuard blocked " + tool + ": " + v.summary());
        }
        if (v.decision() == Decision.REQUIRE_APPROVAL && !(v.judgement() != null ? v.judgement().approved()
                : approved(action, v, context))) {
            throw new ActionBlockedException(tool, v,
                    "AlignGuard stopped " + tool + " (approval required and not given): " + v.summary());
        }
        return v;
    }

    /** {@code checked} with the judge's judgement on its verdict when a judge covers it; as it was otherwise. */
    private VerdictCache.Checked judged(AgentAction action, VerdictCache.Checked checked) {
        if (!(approvals instanceof Judge judge) || !judge.covers(action, checked.verdict())) {
            return checked;
        }
        Judgement j = judge.judge(action, checked.verdict());
        return new VerdictCache.Checked(checked.verdict().withJudgement(j), checked.textSha256(), checked.text());
    }

    private boolean approved(AgentAction action, Verdict v, GuardContext context) {
        try {
            return approvals.approve(action, v, context);
        } catch (Exception e) {
            LOG.warn("approval handler failed for request {}; treating it as a refusal: {}", context.requestId(),
                    e.toString());
            return false;
        }
    }

    private Verdict record(AgentAction action, GuardContext context, VerdictCache.Checked checked) {
        Verdict v = checked.verdict();
        String tool = action instanceof AgentAction.ToolCall call ? call.tool() : null;
        AuditEvent event = new AuditEvent(Instant.now(), context, action.kind(), tool, v, checked.textSha256(),
                checked.text());
        try {
            audit.record(event);
            return v;
        } catch (Exception | LinkageError e) {
            auditFailures.increment();
            LOG.error("audit sink failed for request {} (decision {}); applying fail mode {}: {}",
                    context.requestId(), v.decision(), policy.failMode(), e.toString());
            return v.toBuilder().decision(v.decision().max(policy.failMode().decision())).cause(Cause.ERROR)
                    .warning("audit sink failed: " + e.getClass().getSimpleName()).build();
        }
    }

    /** The model behind this guard. */
    public ModelInfo model() {
        return model;
    }

    /** The policy in force. */
    public Policy policy() {
        return policy;
    }

    /** Counts since creation: classifier errors, timeouts, audit failures, and how the caches served. */
    public Stats stats() {
        double hitRate = classifier instanceof CachingClassifier c ? c.hitRate() : Double.NaN;
        return new Stats(errors.sum(), timeouts.sum(), auditFailures.sum(), hitRate, verdictCacheHits.sum());
    }

    /**
     * Failure counters, the window-score cache's hit rate (NaN when the cache is off; counts only actions that
     * reached the pipeline) and the number of checks answered whole from the verdict cache.
     */
    public record Stats(long classifierErrors, long timeouts, long auditFailures, double cacheHitRate,
                        long verdictCacheHits) {
    }

    /** Releases the model if this guard loaded it. */
    @Override
    public void close() {
        if (ownsClassifier) {
            classifier.close();
        }
    }

    /** Builds a {@link Guard}. Not thread-safe; the guard it builds is. */
    public static final class Builder {
        private Classifier classifier;
        private GuardConfig config = GuardConfig.defaults();
        private AuditSink audit; // null: the SLF4J sink, created at build()
        private ApprovalHandler approvals = ApprovalHandler.DENY;
        private JudgeModel judge;
        private Executor executor = ForkJoinPool.commonPool();
        private Chunking chunking = Chunking.DEFAULT;
        private int batchSize = 8;

        private Builder() {
        }

        /** The classifier to use; without one, {@link #build()} loads the bundled model through guard-onnx. */
        public Builder classifier(Classifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /**
         * Policy, cache, deadline and audit settings, e.g. from {@link GuardConfig#load}; the one place the policy
         * is set ({@code GuardConfig.defaults().withPolicy(policy)} for a policy built in code).
         */
        public Builder config(GuardConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Where decisions are recorded (default: one SLF4J line per decision). */
        public Builder auditSink(AuditSink sink) {
            this.audit = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Who decides REQUIRE_APPROVAL verdicts for wrapped tools (default: refuse). */
        public Builder approvalHandler(ApprovalHandler handler) {
            this.approvals = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Asks {@code model}, the host's own chat model, to decide the REQUIRE_APPROVAL verdicts that the config's
         * {@code judge.*} scope covers (unless {@code judge.enabled} is false); the approval handler decides the
         * rest. The judge runs on the thread that calls {@link Guard#enforce}; see {@link Judge}.
         */
        public Builder judge(JudgeModel model) {
            this.judge = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Where {@link #checkAsync} runs checks (default: the common fork-join pool). */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Window size for long text: words and characters per window and words shared by neighbours
         * (default 110, 560, 25: about the 128 tokens the model was trained on), windows of whole lines as
         * long as the others.
         */
        public Builder chunking(int maxWords, int maxChars, int overlapWords) {
            this.chunking = new Chunking(maxWords, maxChars, overlapWords);
            return this;
        }

        /**
         * As {@link #chunking(int, int, int)}, and text longer than one window that has lines is cut into
         * windows of whole lines of at most {@code lineWindowWords} words (default 60), so that a paragraph
         * is scored without most of its neighbours.
         */
        public Builder chunking(int maxWords, int maxChars, int overlapWords, int lineWindowWords) {
            this.chunking = new Chunking(maxWords, maxChars, overlapWords, lineWindowWords);
            return this;
        }

        /** Windows per classifier call (default 8; larger batches gain little on CPU and cost memory). */
        public Builder batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + size);
            }
            this.batchSize = size;
            return this;
        }

        /**
         * Builds the guard, loading the bundled model when no classifier was given.
         *
         * @throws ConfigException   when the policy cannot be resolved against the model
         * @throws ModelLoadException when the model cannot be loaded
         */
        public Guard build() {
            if (classifier != null) {
                return new Guard(this, classifier, false);
            }
            Classifier loaded = provide(config.modelLocation());
            try {
                return new Guard(this, loaded, true);
            } catch (RuntimeException e) {
                loaded.close();
                throw e;
            }
        }

        private static Classifier provide(String location) {
            Iterator<ClassifierProvider> it = ServiceLoader.load(ClassifierProvider.class).iterator();
            if (!it.hasNext()) {
                throw new ModelLoadException("no classifier given and none found on the class path: add "
                        + "dev.alignguard:guard-onnx and dev.alignguard:guard-model, or call classifier(...)");
            }
            return it.next().create(location);
        }
    }
}
