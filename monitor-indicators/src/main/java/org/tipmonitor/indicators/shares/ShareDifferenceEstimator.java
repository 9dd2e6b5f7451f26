package org.tipmonitor.indicators.shares;

import java.util.Locale;
import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.internal.Arguments;

/**
 * Estimates the difference of two independent shares with a confidence interval, e.g. the share of minors among
 * victims in 2014 minus that in 2018. Only defined shares ({@link Share}, trials &ge; 1) can be compared, so the
 * empty case is excluded by type.
 *
 * <p>Immutable and thread-safe. Default: {@link DifferenceMethod#NEWCOMBE}, 95% confidence. The interval is computed
 * from the counts x&#7522; and n&#7522; of the two shares at this estimator's level; the shares' own intervals are kept
 * unchanged in the result.
 */
public final class ShareDifferenceEstimator {

    private static final ShareDifferenceEstimator DEFAULTS =
            new ShareDifferenceEstimator(DifferenceMethod.NEWCOMBE, 0.95);

    private final DifferenceMethod method;
    private final double level;

    private ShareDifferenceEstimator(DifferenceMethod method, double level) {
        this.method = method;
        this.level = level;
    }

    /**
     * The default estimator: Newcombe's hybrid score interval at 95%.
     *
     * @return the estimator
     */
    public static ShareDifferenceEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with another method.
     *
     * @param newMethod the method
     * @return the new estimator
     * @throws NullPointerException if newMethod is null
     */
    public ShareDifferenceEstimator withMethod(DifferenceMethod newMethod) {
        return new ShareDifferenceEstimator(Objects.requireNonNull(newMethod, "method"), level);
    }

    /**
     * Returns a copy with another confidence level.
     *
     * @param newLevel the level, in (0, 1)
     * @return the new estimator
     * @throws IndicatorException if the level is not in (0, 1)
     */
    public ShareDifferenceEstimator withConfidenceLevel(double newLevel) {
        Arguments.checkConfidenceLevel(newLevel);
        return new ShareDifferenceEstimator(method, newLevel);
    }

    /**
     * Estimates p&#8321; &minus; p&#8322;.
     *
     * @param first  the first share
     * @param second the second share
     * @return the difference with its interval
     * @throws NullPointerException if a share is null
     */
    public ShareDifference estimate(Share first, Share second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        double[] b = method.interval(first.successes(), first.trials(), second.successes(), second.trials(), level);
        Provenance provenance = Provenance.of(method.id())
                .withDefinition(ShareEstimator.CONFIDENCE_LEVEL, Double.toString(level))
                .withDefinition(ShareEstimator.UNKNOWNS + ".first", first.provenance().definitions()
                        .getOrDefault(ShareEstimator.UNKNOWNS, "excluded"))
                .withDefinition(ShareEstimator.UNKNOWNS + ".second", second.provenance().definitions()
                        .getOrDefault(ShareEstimator.UNKNOWNS, "excluded"));
        return new ShareDifference(first, second, first.estimate() - second.estimate(), b[0], b[1], level, method,
                provenance);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ShareDifferenceEstimator[%s, level=%s]", method.id(), level);
    }
}
