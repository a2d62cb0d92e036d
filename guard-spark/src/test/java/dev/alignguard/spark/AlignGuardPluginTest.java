package dev.alignguard.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class AlignGuardPluginTest {

    @Test
    void executorGuardIsLoadedOnceAndClosedWhenTheExecutorStops() {
        SparkSession spark = LocalSpark.session();
        ScanOptions options = AlignGuardSparkTest.MARKERS.withPolicy("p.yaml", "timeout: 3s\n");
        var traces = spark.createDataFrame(List.of(RowFactory.create("a", "one", null, null, null, null),
                RowFactory.create("b", "two", null, null, null, null)), AlignGuardSpark.TRACE_SCHEMA);
        int before = ExecutorGuards.CACHE.size();
        assertEquals(2, AlignGuardSpark.scan(traces, options).count());
        assertEquals(2, AlignGuardSpark.scan(traces, options).count());
        assertEquals(before + 1, ExecutorGuards.CACHE.size(), "two scans, two tasks each: one guard");
        spark.stop();
        assertEquals(0, ExecutorGuards.CACHE.size());
        assertTrue(LocalSpark.session().sparkContext().isStopped() == false);
    }
}
