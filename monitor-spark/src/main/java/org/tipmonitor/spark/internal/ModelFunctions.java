package org.tipmonitor.spark.internal;

import java.time.LocalDate;

import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.tipmonitor.io.Pseudonymiser;
import org.tipmonitor.model.AgeGroup;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.DatePrecision;

/**
 * The model's and monitor-io's rules as Spark column functions, so that executors compute exactly what the
 * in-process library computes.
 */
public final class ModelFunctions {

    private ModelFunctions() {
    }

    /**
     * {@code "minor"}, {@code "adult"} or {@code "unknown"} at an event, by the model's
     * {@link BirthDate#ageGroupAt(LocalDate)} (the level of the {@code minor} covariate of
     * {@code LinkedRegistrations}). Arguments: birth date (a Spark date or null), precision code, event date.
     */
    public static final class MinorAt implements UDF3<Object, String, Object, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String call(Object birthDate, String precision, Object event) {
            if (event == null || precision == null) {
                return "unknown";
            }
            DatePrecision p = CodeList.fromCode(DatePrecision.class, precision).orElse(DatePrecision.UNKNOWN);
            BirthDate birth = p == DatePrecision.UNKNOWN || birthDate == null ? BirthDate.UNKNOWN
                    : new BirthDate(localDate(birthDate), p);
            AgeGroup group = birth.ageGroupAt(localDate(event));
            return group == AgeGroup.UNKNOWN ? "unknown" : group.isMinor() ? "minor" : "adult";
        }
    }

    /**
     * monitor-io's {@link Pseudonymiser} as a column function: the same key and context give the same person key as
     * in-process. Null or blank identifiers give null. The key travels to the executors inside the task (as any
     * Spark closure does); the pseudonymiser is built once per executor JVM and function instance.
     */
    public static final class Pseudonymise implements UDF1<String, String> {
        private static final long serialVersionUID = 1L;

        private final byte[] key;
        private final String context;
        private transient Pseudonymiser pseudonymiser;

        /**
         * A function with a key (copied) and an optional context.
         *
         * @param key     the key
         * @param context the context, or null
         */
        public Pseudonymise(byte[] key, String context) {
            this.key = key.clone();
            this.context = context;
            build(); // validates the key on the driver, with monitor-io's coded error
        }

        private Pseudonymiser build() {
            Pseudonymiser p = Pseudonymiser.withKey(key);
            return context == null ? p : p.withContext(context);
        }

        @Override
        public String call(String identifier) {
            if (identifier == null || identifier.isBlank()) {
                return null;
            }
            if (pseudonymiser == null) {
                pseudonymiser = build();
            }
            return pseudonymiser.pseudonymise(identifier).value();
        }

        @Override
        public String toString() {
            return "Pseudonymise[HMAC-SHA256, key withheld]";
        }
    }

    static LocalDate localDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return ((java.sql.Date) value).toLocalDate();
    }
}
