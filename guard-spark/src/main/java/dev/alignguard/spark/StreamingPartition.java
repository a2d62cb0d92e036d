package dev.alignguard.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * A partition function that maps each row to one output row, streaming: the per-row function is built on the
 * executor once per partition from the shipped options (its guard or auditor loaded there, never on the driver),
 * and each output row is computed when Spark reads it, in input order, so no partition is held in memory.
 *
 * @param <O> the options shipped to the executors
 */
abstract class StreamingPartition<O extends Serializable> implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    final O options;

    StreamingPartition(O options) {
        this.options = options;
    }

    /** The function from an input row to its output row, for one partition. */
    abstract UnaryOperator<Row> rowFunction();

    @Override
    public final Iterator<Row> call(Iterator<Row> rows) {
        UnaryOperator<Row> f = rowFunction();
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
