package dev.alignguard.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What an executor loads once per set of options and shares between its tasks (a guard, a corpus auditor): loaded
 * by the first task that asks, kept until {@link #closeAll} (called by {@link AlignGuardPlugin} when the executor
 * stops); a failed load keeps nothing, so a later task tries again.
 */
final class ExecutorCache<K, V> {
    private final Map<K, V> loaded = new HashMap<>();
    private final Function<K, V> load;
    private final Consumer<V> close;

    ExecutorCache(Function<K, V> load, Consumer<V> close) {
        this.load = load;
        this.close = close;
    }

    /** The value for {@code key}, loaded on first use. */
    synchronized V get(K key) {
        return loaded.computeIfAbsent(key, load);
    }

    /** Closes every value and forgets it. */
    synchronized void closeAll() {
        loaded.values().forEach(close);
        loaded.clear();
    }

    /** How many values are loaded. */
    synchronized int size() {
        return loaded.size();
    }
}
