package dev.alignguard.core.judge;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.ApprovalHandler;
import dev.alignguard.core.GuardContext;
import dev.alignguard.core.Judgement;
import dev.alignguard.core.Judgement.Outcome;
import dev.alignguard.core.Verdict;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ApprovalHandler} that asks a judge model to decide the REQUIRE_APPROVAL verdicts its
 * {@link JudgeSpec} covers and hands the others to a fallback handler (by default: refuse). It fails closed: an
 * answer that is not the strict JSON object, an empty one, an exception or a reply later than the timeout all
 * deny, with the cause in the {@link Judgement}. The guard puts that judgement in the verdict and the audit record.
 */
public final class Judge implements ApprovalHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Judge.class);
    /** Set while this thread waits for a judge: a judge model guarded by the same guard must not recurse. */
    private static final ThreadLocal<Boolean> JUDGING = new ThreadLocal<>();

    private final JudgeModel model;
    private final JudgeSpec spec;
    private final ApprovalHandler fallback;

    private Judge(JudgeModel model, JudgeSpec spec, ApprovalHandler fallback) {
        this.model = Objects.requireNonNull(model, "model");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** A judge with the default scope (every category and tool, 10 s, 200 tokens) that refuses the rest. */
    public static Judge of(JudgeModel model) {
        return of(model, JudgeSpec.DEFAULT, ApprovalHandler.DENY);
    }

    /** A judge for the verdicts {@code spec} covers; {@code fallback} decides the others (e.g. a human). */
    public static Judge of(JudgeModel model, JudgeSpec spec, ApprovalHandler fallback) {
        return new Judge(model, spec, fallback);
    }

    /** True when this judge, not the fallback, decides {@code verdict}. */
    public boolean covers(AgentAction action, Verdict verdict) {
        return spec.covers(action, verdict);
    }

    @Override
    public boolean approve(AgentAction action, Verdict verdict, GuardContext context) throws Exception {
        return covers(action, verdict) ? judge(action, verdict).approved()
                : fallback.approve(action, verdict, context);
    }

    /**
     * Asks the model about {@code action} on the calling thread and returns its judgement; never throws for what
     * the model does. A reply that arrives after {@link JudgeSpec#timeout()} denies even when it approves, and so
     * does a judge asked from inside a judge model call (a judge model whose answers a guard checks).
     */
    public Judgement judge(AgentAction action, Verdict verdict) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(verdict, "verdict");
        if (JUDGING.get() != null) {
            return Judgement.failed(Outcome.ERROR, "judge asked from inside a judge model call", "",
                    Duration.ZERO);
        }
        long started = System.nanoTime();
        JudgeModel.Reply reply;
        JUDGING.set(Boolean.TRUE);
        try {
            reply = model.complete(JudgePrompt.of(action, verdict, spec.maxTokens()));
        } catch (Exception | LinkageError e) {
            Duration latency = since(started);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // the type only: a client's message can quote the prompt, i.e. the agent's action
            LOG.warn("judge model failed after {} ms; denying: {}", latency.toMillis(), e.getClass().getName());
            Outcome outcome = timedOut(e) || latency.compareTo(spec.timeout()) > 0 ? Outcome.TIMEOUT : Outcome.ERROR;
            return Judgement.failed(outcome, "judge call failed: " + e.getClass().getSimpleName(), "", latency);
        } finally {
            JUDGING.remove();
        }
        Duration latency = since(started);
        String answeredBy = reply == null ? "" : reply.model();
        if (latency.compareTo(spec.timeout()) > 0) {
            return Judgement.failed(Outcome.TIMEOUT, "judge answered after " + latency.toMillis() + " ms, over the "
                    + spec.timeout().toMillis() + " ms timeout", answeredBy, latency);
        }
        try {
            JudgeAnswer answer = JudgeAnswer.parse(reply == null ? null : reply.text());
            return new Judgement(answer.approved(), Outcome.ANSWERED, answer.category(), answer.reason(), answeredBy,
                    latency);
        } catch (JudgeAnswer.InvalidAnswer e) {
            return Judgement.failed(Outcome.INVALID_ANSWER, "invalid judge answer: " + e.getMessage(), answeredBy,
                    latency);
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** A timeout anywhere in the cause chain (the model client's own, e.g. a socket or HTTP timeout). */
    private static boolean timedOut(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
