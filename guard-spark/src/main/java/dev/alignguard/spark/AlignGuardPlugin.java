package dev.alignguard.spark;

import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * Closes each executor's guards and corpus auditors (ONNX sessions, caches) when the executor stops. Enable it with
 * {@code --conf spark.plugins=dev.alignguard.spark.AlignGuardPlugin}; the job's main adds it itself. It starts
 * no thread and registers no shutdown hook: Spark calls it on the executor's own shutdown path.
 */
public final class AlignGuardPlugin implements SparkPlugin {

    @Override
    public DriverPlugin driverPlugin() {
        return null;
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorPlugin() {
            @Override
            public void shutdown() {
                ExecutorGuards.CACHE.closeAll();
                ExecutorAuditors.CACHE.closeAll();
            }
        };
    }
}
