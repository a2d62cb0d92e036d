package dev.alignguard.core.internal.classify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.alignguard.core.classify.CacheSpec;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.classify.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A bounded cache in front of a classifier, so repeated texts (the same tool call retried, a plan checked
 * again) cost a hash lookup. Maintenance runs on the calling thread: the cache starts no threads.
 */
public final class CachingClassifier implements Classifier {
    private final Classifier delegate;
    private final Cache<Key, float[]> cache;

    private record Key(String modelId, String text) {
    }

    public CachingClassifier(Classifier delegate, CacheSpec spec) {
        this.delegate = delegate;
        Caffeine<Object, Object> builder = Caffeine.newBuilder()
                .maximumSize(spec.maximumSize())
                .executor(Runnable::run)
                .recordStats();
        if (!spec.expireAfterAccess().isZero()) {
            builder.expireAfterAccess(spec.expireAfterAccess());
        }
        this.cache = builder.build();
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }

    @Override
    public float[][] score(List<String> texts) throws ClassifierException {
        String modelId = delegate.info().id();
        float[][] out = new float[texts.size()][];
        List<String> missing = new ArrayList<>();
        List<Integer> missingAt = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] hit = cache.getIfPresent(new Key(modelId, texts.get(i)));
            if (hit != null) {
                out[i] = hit.clone();
            } else {
                missing.add(texts.get(i));
                missingAt.add(i);
            }
        }
        if (!missing.isEmpty()) {
            float[][] scored = delegate.score(missing);
            for (int j = 0; j < scored.length; j++) {
                out[missingAt.get(j)] = scored[j];
                cache.put(new Key(modelId, missing.get(j)), scored[j].clone());
            }
        }
        return out;
    }

    /** Hits over lookups since creation, for metrics. */
    public double hitRate() {
        return cache.stats().hitRate();
    }

    /** Drops every cached score. */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    @Override
    public UnaryOperator<float[]> forAction(String actionText) {
        return delegate.forAction(actionText);
    }

    @Override
    public void close() {
        cache.invalidateAll();
        delegate.close();
    }
}
