package org.tipmonitor.spark;

import java.util.Objects;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.tipmonitor.spark.internal.ModelFunctions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

/**
 * Pseudonymisation in Spark: monitor-io's {@link org.tipmonitor.io.Pseudonymiser} (HMAC-SHA256 under a secret key,
 * RFC 2104, output {@code "p"} + base32 of the MAC) as a column function. The same key and context give the same
 * person key as the in-process path, so records pseudonymised by a producer and by a statistical office link.
 *
 * <p>The key is copied in, never returned or shown by {@link #toString()}; it is shipped to the executors inside
 * the task closure, so on a cluster the job's serialised tasks must be protected as the key is (encrypted RPC,
 * {@code spark.network.crypto.enabled}). {@link #replace(Dataset, String, String)} drops the raw column in the same
 * step, so no raw identifier reaches an output.
 */
public final class SparkPseudonyms {

    private final UserDefinedFunction udf;

    private SparkPseudonyms(ModelFunctions.Pseudonymise function) {
        this.udf = udf(function, DataTypes.StringType).withName("tm_pseudonymise");
    }

    /**
     * Pseudonyms under a secret key.
     *
     * @param secretKey at least 32 random bytes; copied
     * @return the pseudonyms
     * @throws org.tipmonitor.io.ExchangeException (monitor-io's {@code TM-IO-0050}) if the key is shorter than 32
     *                                             bytes or all its bytes are equal
     */
    public static SparkPseudonyms withKey(byte[] secretKey) {
        return new SparkPseudonyms(new ModelFunctions.Pseudonymise(Objects.requireNonNull(secretKey, "secretKey"),
                null));
    }

    /**
     * Pseudonyms under a secret key within a context (as {@link org.tipmonitor.io.Pseudonymiser#withContext}).
     *
     * @param secretKey at least 32 random bytes; copied
     * @param context   the context, not blank
     * @return the pseudonyms
     * @throws org.tipmonitor.io.ExchangeException if the key is rejected or the context is blank
     */
    public static SparkPseudonyms withKey(byte[] secretKey, String context) {
        return new SparkPseudonyms(new ModelFunctions.Pseudonymise(Objects.requireNonNull(secretKey, "secretKey"),
                Objects.requireNonNull(context, "context")));
    }

    /**
     * The person key of an identifier column; null where the identifier is null or blank.
     *
     * @param identifier the raw identifier column (a string)
     * @return the person-key column
     */
    public Column pseudonymise(Column identifier) {
        return udf.apply(identifier);
    }

    /**
     * Replaces a raw identifier column by a person-key column, in one step.
     *
     * @param rows       the rows
     * @param identifier the raw identifier column, dropped
     * @param keyColumn  the name of the new person-key column
     * @return the rows without the raw column
     */
    public Dataset<Row> replace(Dataset<Row> rows, String identifier, String keyColumn) {
        return rows.withColumn(keyColumn, pseudonymise(col(identifier))).drop(identifier);
    }

    @Override
    public String toString() {
        return "SparkPseudonyms[HMAC-SHA256, key withheld]";
    }
}
