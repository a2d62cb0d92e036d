package dev.alignguard.benchmarks;

import java.util.List;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Walks a benchmark thread through the variants in turn, so consecutive checks never repeat a text; threads
 * start at different offsets.
 */
@State(Scope.Thread)
public class Cursor {
    private int next;

    @Setup
    public void setUp(ThreadParams thread) {
        next = thread.getThreadIndex() * 17;
    }

    /** The next element of {@code items}, round-robin. */
    public <T> T next(List<T> items) {
        int i = next++;
        if (next == Integer.MAX_VALUE) {
            next = 0;
        }
        return items.get(i % items.size());
    }

    /** The next index below {@code size}, round-robin. */
    public int nextIndex(int size) {
        int i = next++;
        if (next == Integer.MAX_VALUE) {
            next = 0;
        }
        return i % size;
    }
}
