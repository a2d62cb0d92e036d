package dev.alignguard.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded queue in front of the guard: at most {@code workers} checks run at once and at most
 * {@code capacity} requests wait for one; the next is turned away at once instead of held in memory, and a
 * waiting request gives up at its deadline.
 */
final class Admission {
    /** What became of a request that asked for a worker. */
    enum Outcome {
        /** It holds a worker and must {@link #leave()} when done. */
        ADMITTED,
        /** The queue was full: answered 429. */
        QUEUE_FULL,
        /** Its deadline passed while it waited: answered 503. */
        DEADLINE_PASSED
    }

    private final Semaphore workers;
    private final int capacity;
    private final AtomicInteger waiting = new AtomicInteger();

    Admission(int workers, int capacity) {
        this.workers = new Semaphore(workers, true);
        this.capacity = capacity;
    }

    /** Takes a worker, waiting in the queue until {@code deadlineNanos} (a {@link System#nanoTime()} value). */
    Outcome enter(long deadlineNanos) throws InterruptedException {
        if (workers.tryAcquire()) {
            return Outcome.ADMITTED;
        }
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            return Outcome.QUEUE_FULL;
        }
        try {
            long left = deadlineNanos - System.nanoTime();
            return left > 0 && workers.tryAcquire(left, TimeUnit.NANOSECONDS) ? Outcome.ADMITTED
                    : Outcome.DEADLINE_PASSED;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Gives back the worker an {@link Outcome#ADMITTED} request holds. */
    void leave() {
        workers.release();
    }

    /** Requests waiting for a worker now. */
    int waiting() {
        return waiting.get();
    }
}
