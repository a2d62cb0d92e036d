package dev.alignguard.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark: {@code local[2,3]} (two task threads, a task tried up to three times), no UI. */
final class LocalSpark {
    private LocalSpark() {
    }

    /** The running session, or a new one when none runs (a test may stop it). */
    static SparkSession session() {
        return SparkSession.builder()
                .master("local[2,3]")
                .appName("alignguard-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.plugins", AlignGuardPlugin.class.getName())
                .getOrCreate();
    }
}
