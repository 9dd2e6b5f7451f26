package org.tipmonitor.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.tipmonitor.indicators.disclosure.DisclosurePolicy;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.spark.internal.ModelFunctions;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * Follow-up of registered minor victims in a register of episodes (youth care, child protection measures): the
 * share of minors with an episode in the months before and after their first registration, by year of first
 * registration and sex, with a binomial interval, protected by a {@link DisclosurePolicy} before it leaves Spark.
 *
 * <p><b>Definitions.</b> A minor is a registered victim under 18 at the first registration date f (the model's
 * {@link org.tipmonitor.model.BirthDate#ageGroupAt}; an unknown birth date is not a minor). With a window of w months
 * (default 12): <i>before</i> is [f &minus; w months, f &minus; 1 day], <i>after</i> is [f, f + w months]. A minor has
 * an episode in a window if an episode [start, end] (end empty: still open) overlaps it: start &le; window end and
 * (end empty or end &ge; window start). A minor counts in a window's denominator only if the window lies within the
 * episode register's observation period [from, until]; otherwise the window is censored, and the count of censored
 * minors is reported. The share is p&#770; = x / n with its interval by the estimator's method (default Wilson 95%,
 * {@link org.tipmonitor.indicators.shares.BinomialInterval#WILSON}).
 *
 * <p><b>Disclosure.</b> A cell is published only if n, x and n &minus; x are all not sensitive under the policy
 * (threshold rule: 0 &lt; c &lt; t is sensitive, t = 10 by default; Hundepool et al. 2012, 5.2): n &minus; x small
 * discloses that almost everyone in the group had an episode. Withheld cells carry no count and no share. No margin
 * or total is published, so no withheld cell can be recovered by differencing within this table.
 */
public final class FollowUpShares {

    /** The default window: 12 months. */
    public static final int DEFAULT_WINDOW_MONTHS = 12;

    /** The two windows around the first registration. */
    public enum Window {
        /** The months before the first registration, up to the day before it. */
        BEFORE("before") {
            @Override
            Column start(Column first, int months) {
                return add_months(first, -months);
            }

            @Override
            Column end(Column first, int months) {
                return date_sub(first, 1);
            }
        },
        /** The first registration date and the months after it. */
        AFTER("after") {
            @Override
            Column start(Column first, int months) {
                return first;
            }

            @Override
            Column end(Column first, int months) {
                return add_months(first, months);
            }
        };

        private final String code;

        Window(String code) {
            this.code = code;
        }

        /**
         * The window's code.
         *
         * @return {@code "before"} or {@code "after"}
         */
        public String code() {
            return code;
        }

        abstract Column start(Column first, int months);

        abstract Column end(Column first, int months);
    }

    /**
     * One cell: a year, a sex and a window.
     *
     * @param year     the year of first registration
     * @param sex      the victim's sex code
     * @param window   the window
     * @param censored minors of the group whose window is not within the observation period (not in n)
     * @param share    the share x / n with its interval, or empty when the cell is withheld
     */
    public record Cell(int year, String sex, Window window, long censored, Optional<ShareEstimate> share) {

        /**
         * Validates the cell.
         *
         * @throws NullPointerException if sex, window or share is null
         */
        public Cell {
            Objects.requireNonNull(sex, "sex");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(share, "share");
        }

        /**
         * Whether the cell is published.
         *
         * @return true when the share is given
         */
        public boolean isPublished() {
            return share.isPresent();
        }
    }

    /**
     * The protected table with the definitions it was computed with.
     *
     * @param cells        the cells by year, sex and window
     * @param windowMonths w
     * @param observedFrom the first day of the episode register's observation period
     * @param observedTo   the last day
     * @param policy       the disclosure policy applied
     * @param estimator    the share estimator applied
     */
    public record Table(List<Cell> cells, int windowMonths, LocalDate observedFrom, LocalDate observedTo,
                        DisclosurePolicy policy, ShareEstimator estimator) {

        /**
         * Validates the table.
         *
         * @throws NullPointerException if a component is null
         */
        public Table {
            cells = List.copyOf(cells);
            Objects.requireNonNull(observedFrom, "observedFrom");
            Objects.requireNonNull(observedTo, "observedTo");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(estimator, "estimator");
        }

        /**
         * The table as text, with every definition and default stated.
         *
         * @return the text
         */
        public String toText() {
            StringBuilder out = new StringBuilder();
            out.append("Registered minor victims with an episode within ").append(windowMonths)
                    .append(" months before/after the first registration; episodes observed ").append(observedFrom)
                    .append(" to ").append(observedTo).append("; ").append(estimator).append("; ").append(policy)
                    .append(System.lineSeparator());
            out.append(String.format(Locale.ROOT, "%4s %-8s %-6s %8s %8s %8s %8s %8s%n", "year", "sex", "window",
                    "n", "x", "share", "lower", "upper"));
            for (Cell c : cells) {
                if (c.share().isPresent() && c.share().get() instanceof Share s) {
                    out.append(String.format(Locale.ROOT, "%4d %-8s %-6s %8d %8d %8.3f %8.3f %8.3f%n", c.year(),
                            c.sex(), c.window().code(), s.trials(), s.successes(), s.estimate(), s.lower(),
                            s.upper()));
                } else {
                    out.append(String.format(Locale.ROOT, "%4d %-8s %-6s %8s %8s %8s %8s %8s%n", c.year(), c.sex(),
                            c.window().code(), "x", "x", "x", "x", "x"));
                }
            }
            return out.toString();
        }
    }

    private final int windowMonths;
    private final DisclosurePolicy policy;
    private final ShareEstimator estimator;

    private FollowUpShares(int windowMonths, DisclosurePolicy policy, ShareEstimator estimator) {
        this.windowMonths = windowMonths;
        this.policy = policy;
        this.estimator = estimator;
    }

    /**
     * Windows of {@value #DEFAULT_WINDOW_MONTHS} months, the default disclosure policy
     * ({@link DisclosurePolicy#withDefaults()}) and the default estimator (Wilson, 95%).
     *
     * @return the indicator
     */
    public static FollowUpShares withDefaults() {
        return new FollowUpShares(DEFAULT_WINDOW_MONTHS, DisclosurePolicy.withDefaults(),
                ShareEstimator.withDefaults());
    }

    /**
     * A copy with another window length.
     *
     * @param months the window in months, 1 to 120
     * @return the copy
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if months is outside 1 to 120
     */
    public FollowUpShares withWindowMonths(int months) {
        if (months < 1 || months > 120) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT, "window must be 1 to 120 months: " + months);
        }
        return new FollowUpShares(months, policy, estimator);
    }

    /**
     * A copy with another disclosure policy.
     *
     * @param newPolicy the policy
     * @return the copy
     */
    public FollowUpShares withPolicy(DisclosurePolicy newPolicy) {
        return new FollowUpShares(windowMonths, Objects.requireNonNull(newPolicy, "newPolicy"), estimator);
    }

    /**
     * A copy with another share estimator (interval method, level).
     *
     * @param newEstimator the estimator
     * @return the copy
     */
    public FollowUpShares withEstimator(ShareEstimator newEstimator) {
        return new FollowUpShares(windowMonths, policy, Objects.requireNonNull(newEstimator, "newEstimator"));
    }

    /**
     * Computes the protected table.
     *
     * @param data         the exchange data (registrations and victims)
     * @param episodes     episodes with {@code person_key, start_date, end_date} (e.g. the accepted rows of an
     *                     {@link ExtractSchema#episodes} extract, filtered to the episode types wanted)
     * @param observedFrom the first day the episode register covers
     * @param observedTo   the last day it covers
     * @return the table, cells in year, sex, window order
     * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) if observedFrom is after observedTo
     */
    public Table compute(ExchangeData data, Dataset<Row> episodes, LocalDate observedFrom, LocalDate observedTo) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(episodes, "episodes");
        if (observedFrom.isAfter(observedTo)) {
            throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT, "observation period starts after it ends: "
                    + observedFrom + " > " + observedTo);
        }
        Column first = col("first_report_date");
        Dataset<Row> minors = data.persons()
                .where(udf(new ModelFunctions.MinorAt(), DataTypes.StringType)
                        .apply(col("birth_date"), col("birth_precision"), first).equalTo("minor"))
                .select(col(ExtractSchema.KEY).as("minor_key"), col("year"), col("sex"),
                        Window.BEFORE.start(first, windowMonths).as("before_start"),
                        Window.BEFORE.end(first, windowMonths).as("before_end"),
                        Window.AFTER.start(first, windowMonths).as("after_start"),
                        Window.AFTER.end(first, windowMonths).as("after_end"))
                .cache();
        Dataset<Row> flags = episodes.join(broadcast(minors), episodes.col(ExtractSchema.KEY)
                        .equalTo(minors.col("minor_key")))
                .groupBy("minor_key")
                .agg(max(overlaps("before")).as("had_before"), max(overlaps("after")).as("had_after"));
        Dataset<Row> perMinor = minors.join(flags, "minor_key", "left");
        List<Column> aggregates = new ArrayList<>();
        for (String w : List.of("before", "after")) {
            Column observed = col(w + "_start").geq(lit(observedFrom)).and(col(w + "_end").leq(lit(observedTo)));
            Column had = col("had_" + w).equalTo(true);
            aggregates.add(sum(when(observed, 1L).otherwise(0L)).as(w + "_n"));
            aggregates.add(sum(when(observed.and(had), 1L).otherwise(0L)).as(w + "_x"));
            aggregates.add(sum(when(observed, 0L).otherwise(1L)).as(w + "_censored"));
        }
        List<Row> rows = perMinor.groupBy("year", "sex")
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]))
                .orderBy("year", "sex").collectAsList();
        minors.unpersist();
        List<Cell> cells = new ArrayList<>();
        for (Row r : rows) {
            int offset = 2;
            for (Window w : Window.values()) {
                long n = r.getLong(offset);
                long x = r.getLong(offset + 1);
                long censored = r.getLong(offset + 2);
                offset += 3;
                boolean withheld = n == 0 || policy.isSensitive(n) || policy.isSensitive(x)
                        || policy.isSensitive(n - x);
                cells.add(new Cell(r.getInt(0), r.getString(1), w, censored,
                        withheld ? Optional.empty() : Optional.of(estimator.estimate(x, n))));
            }
        }
        return new Table(cells, windowMonths, observedFrom, observedTo, policy, estimator);
    }

    private static Column overlaps(String window) {
        return col("start_date").leq(col(window + "_end"))
                .and(col("end_date").isNull().or(col("end_date").geq(col(window + "_start"))));
    }

    @Override
    public String toString() {
        return "FollowUpShares[window=" + windowMonths + " months, " + policy + ", " + estimator + "]";
    }
}
