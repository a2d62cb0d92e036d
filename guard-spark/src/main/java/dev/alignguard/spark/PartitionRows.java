package dev.alignguard.spark;

import java.util.Iterator;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Row;

/**
 * Maps a partition's rows one by one, lazily: each output row is computed when Spark asks for it, so a partition
 * streams through a scan or an audit without being held in memory, and the output keeps the input's order.
 */
final class PartitionRows {
    private PartitionRows() {
    }

    /** The rows of {@code rows}, each passed through {@code f} on the caller's thread when it is read. */
    static Iterator<Row> map(Iterator<Row> rows, UnaryOperator<Row> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return f.apply(rows.next());
            }
        };
    }
}
