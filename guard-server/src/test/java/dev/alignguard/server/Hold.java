package dev.alignguard.server;

import dev.alignguard.core.testing.FakeClassifier;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A test classifier that holds every text containing {@code <hold>} until released, to fill the server's workers. */
final class Hold {
    private final CountDownLatch release = new CountDownLatch(1);
    private final Semaphore held = new Semaphore(0);

    FakeClassifier classifier() {
        return new FakeClassifier(text -> {
            if (text.contains("<hold>")) {
                held.release();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new float[]{0.01f, 0.01f, 0.01f};
        });
    }

    /** Waits until {@code n} texts are being held. */
    void awaitHeld(int n) throws InterruptedException {
        if (!held.tryAcquire(n, 30, TimeUnit.SECONDS)) {
            throw new AssertionError("the classifier was not reached");
        }
    }

    void release() {
        release.countDown();
    }
}
