package org.tipmonitor.indicators.shares;

import java.util.Locale;
import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.internal.Arguments;

/**
 * Estimates a binomial share with a confidence interval, such as the share of minors among victims of domestic
 * sexual exploitation (binnenlandse seksuele uitbuiting) or the share of offenders under 23.
 *
 * <p>Counts come in three parts: x records with the attribute, k records known not to have it, and u records whose
 * value is unknown. By default unknowns are excluded: the share is x / (x + k), and u is reported beside it. With
 * {@link #withUnknownsInDenominator(boolean) withUnknownsInDenominator(true)} the share is x / (x + k + u), which
 * treats every unknown as not having the attribute (a lower bound on the share among all records).
 *
 * <p>Immutable and thread-safe. Default: {@link BinomialInterval#WILSON}, 95% confidence, unknowns excluded.
 *
 * <pre>{@code
 * ShareEstimate minors = ShareEstimator.withDefaults().estimate(29, 103, 4);
 * }</pre>
 */
public final class ShareEstimator {

    /** Definition name recorded in the provenance for the unknowns rule. */
    public static final String UNKNOWNS = "unknowns";
    /** Definition name recorded in the provenance for the confidence level. */
    public static final String CONFIDENCE_LEVEL = "confidenceLevel";

    private static final ShareEstimator DEFAULTS =
            new ShareEstimator(BinomialInterval.WILSON, 0.95, false, Provenance.of("share"));

    private final BinomialInterval method;
    private final double level;
    private final boolean unknownsInDenominator;
    private final Provenance base;

    private ShareEstimator(BinomialInterval method, double level, boolean unknownsInDenominator, Provenance base) {
        this.base = base;
        this.method = method;
        this.level = level;
        this.unknownsInDenominator = unknownsInDenominator;
    }

    /**
     * The default estimator: Wilson interval, 95% confidence, unknowns excluded from the denominator.
     *
     * @return the estimator
     */
    public static ShareEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with another interval method.
     *
     * @param newMethod the method
     * @return the new estimator
     * @throws NullPointerException if newMethod is null
     */
    public ShareEstimator withMethod(BinomialInterval newMethod) {
        return new ShareEstimator(Objects.requireNonNull(newMethod, "method"), level, unknownsInDenominator, base);
    }

    /**
     * Returns a copy with another confidence level.
     *
     * @param newLevel the level, in (0, 1)
     * @return the new estimator
     * @throws IndicatorException if the level is not in (0, 1)
     */
    public ShareEstimator withConfidenceLevel(double newLevel) {
        Arguments.checkConfidenceLevel(newLevel);
        return new ShareEstimator(method, newLevel, unknownsInDenominator, base);
    }

    /**
     * Returns a copy that includes (true) or excludes (false, the default) unknowns in the denominator.
     *
     * @param include whether unknowns count as trials without the attribute
     * @return the new estimator
     */
    public ShareEstimator withUnknownsInDenominator(boolean include) {
        return new ShareEstimator(method, level, include, base);
    }

    /**
     * Returns a copy whose results carry the dataset id, period and definitions of the given provenance (e.g. the
     * counting unit, the age cut and the age rule), besides the method, confidence level and unknowns rule that the
     * estimator records itself.
     *
     * @param newBase the provenance to extend; its method is replaced by the interval method's name
     * @return the new estimator
     * @throws NullPointerException if newBase is null
     */
    public ShareEstimator withProvenance(Provenance newBase) {
        return new ShareEstimator(method, level, unknownsInDenominator, Objects.requireNonNull(newBase, "provenance"));
    }

    /**
     * The interval method.
     *
     * @return the method
     */
    public BinomialInterval method() {
        return method;
    }

    /**
     * The confidence level.
     *
     * @return the level in (0, 1)
     */
    public double confidenceLevel() {
        return level;
    }

    /**
     * Whether unknowns are counted in the denominator.
     *
     * @return true if they are
     */
    public boolean unknownsInDenominator() {
        return unknownsInDenominator;
    }

    /**
     * Estimates the share x / n with n = known trials, or known trials + unknown if so configured.
     *
     * @param successes   x, records with the attribute
     * @param knownTrials records whose value is known (with or without the attribute), &ge; x
     * @param unknown     records whose value is unknown
     * @return a {@link Share}, or an {@link UndefinedShare} when n = 0
     * @throws IndicatorException if a count is negative or successes exceed knownTrials
     */
    public ShareEstimate estimate(long successes, long knownTrials, long unknown) {
        Arguments.checkNonNegative("Successes", successes);
        Arguments.checkNonNegative("Trials", knownTrials);
        Arguments.checkNonNegative("Unknown", unknown);
        if (successes > knownTrials) {
            throw IndicatorException.of(IndicatorRule.SHARE_SUCCESSES_ABOVE_TRIALS, successes, knownTrials);
        }
        long trials = unknownsInDenominator ? Math.addExact(knownTrials, unknown) : knownTrials;
        Provenance provenance = new Provenance(base.datasetId(), base.period(), method.id(), base.definitions(),
                base.libraryVersion())
                .withDefinition(CONFIDENCE_LEVEL, Double.toString(level))
                .withDefinition(UNKNOWNS, unknownsInDenominator ? "in-denominator" : "excluded");
        if (trials == 0) {
            return new UndefinedShare(unknown, provenance);
        }
        double[] bounds = method.interval(successes, trials, level);
        return new Share(successes, trials, unknown, (double) successes / trials, bounds[0], bounds[1], level,
                method, provenance);
    }

    /**
     * Estimates the share x / n with no unknowns.
     *
     * @param successes x
     * @param trials    n
     * @return a {@link Share}, or an {@link UndefinedShare} when n = 0
     * @throws IndicatorException if a count is negative or successes exceed trials
     */
    public ShareEstimate estimate(long successes, long trials) {
        return estimate(successes, trials, 0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ShareEstimator[%s, level=%s, unknownsInDenominator=%s]",
                method.id(), level, unknownsInDenominator);
    }
}
