package org.tipmonitor.indicators.estimation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.tables.internal.TextGrid;

/**
 * A population-size estimate N&#770; with its interval.
 *
 * @param method        the estimator, e.g. {@code "poisson-loglinear"}
 * @param lists         the list names
 * @param observed      n, the number of cases observed on at least one list
 * @param estimate      N&#770; &ge; n, finite
 * @param standardError the standard error of N&#770; (for log-linear models the delta-method
 *                      sqrt(e<sup>&beta;&#770;0</sup> + e<sup>2&beta;&#770;0</sup> V<sub>00</sub>) of Rcapture), finite
 *                      and &ge; 0
 * @param interval      the confidence interval, naming its method and level
 * @param modelFit      the log-linear model fit, or null when the estimator fits none (Chao's lower bound, the
 *                      two-list estimators); {@link #fit()} gives it as an {@code Optional}. A plain component, not an
 *                      {@code Optional}, so that the record is a plain value to every serialiser (issue 15)
 * @param warnings      notes for the reader, e.g. terms fixed at &minus;&infin; because two lists never overlap
 * @param provenance    method, model, level and seed
 */
public record Estimate(String method, List<String> lists, long observed, double estimate, double standardError,
                       ConfidenceInterval interval, ModelFit modelFit, List<String> warnings,
                       Provenance provenance) implements EstimationOutcome {

    /**
     * Validates and copies.
     *
     * @throws IndicatorException if the estimate is not finite or below the observed count, or the standard
     *                            error is negative or not finite
     */
    public Estimate {
        Objects.requireNonNull(method, "method");
        lists = List.copyOf(lists);
        Objects.requireNonNull(interval, "interval");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(provenance, "provenance");
        if (!Double.isFinite(estimate) || estimate < observed) {
            throw IndicatorException.of(IndicatorRule.ESTIMATE_INVALID, estimate, observed);
        }
        if (!(standardError >= 0) || !Double.isFinite(standardError)) {
            throw IndicatorException.of(IndicatorRule.STANDARD_ERROR_INVALID, standardError);
        }
    }

    /**
     * An estimate whose fit is given as an {@code Optional}, as the estimators hold it.
     *
     * @param method        the estimator
     * @param lists         the list names
     * @param observed      n
     * @param estimate      N&#770;
     * @param standardError the standard error of N&#770;
     * @param interval      the confidence interval
     * @param fit           the log-linear model fit, if any
     * @param warnings      notes for the reader
     * @param provenance    method, model, level and seed
     * @throws IndicatorException as the canonical constructor
     */
    public Estimate(String method, List<String> lists, long observed, double estimate, double standardError,
                    ConfidenceInterval interval, Optional<ModelFit> fit, List<String> warnings,
                    Provenance provenance) {
        this(method, lists, observed, estimate, standardError, interval, fit.orElse(null), warnings, provenance);
    }

    /**
     * The log-linear model fit, when the estimator is one.
     *
     * @return the fit, or empty
     */
    public Optional<ModelFit> fit() {
        return Optional.ofNullable(modelFit);
    }

    /**
     * The estimated number of cases on no list, N&#770; &minus; n.
     *
     * @return the unobserved count
     */
    public double unobserved() {
        return estimate - observed;
    }

    /**
     * The estimate as an aligned block: method and lists, then observed, estimate, standard error, interval,
     * unobserved count, the model with its fit and every warning, one per line (one decimal; the components hold
     * the exact values).
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Estimate (").append(method).append(") from lists ")
                .append(String.join(", ", lists)).append('\n');
        line(sb, "observed", String.format(Locale.ROOT, "%,d", observed));
        line(sb, "estimate", TextGrid.number(estimate, 1));
        line(sb, "standard error", TextGrid.number(standardError, 1));
        line(sb, String.format(Locale.ROOT, "%.0f%% interval", 100 * interval.level()),
                TextGrid.number(interval.lower(), 1) + " to " + TextGrid.number(interval.upper(), 1) + " ("
                        + interval.method().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")");
        line(sb, "unobserved", TextGrid.number(unobserved(), 1));
        fit().ifPresent(f -> line(sb, "model", String.format(Locale.ROOT,
                "%s (deviance %.4f on %d df, AIC %.4f, BIC %.4f)", f.formula(), f.deviance(), f.degreesOfFreedom(),
                f.aic(), f.bic())));
        warnings.forEach(w -> line(sb, "warning", w));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String name, String value) {
        sb.append(String.format(Locale.ROOT, "  %-16s %s", name, value)).append('\n');
    }
}
