package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.internal.CovariateMessages;

/**
 * What to do with persons whose value of some covariate is unknown (partially classified rows of a
 * {@link CovariateTable}). The choice is stated in every result.
 */
public enum UnknownValues {
    /** Refuse a table with unknown values: the analyst must choose (the default). */
    REFUSE("refused"),
    /**
     * Leave those persons out (complete-case analysis): unbiased only if values are missing completely at random,
     * and the estimates then count only persons like those classified.
     */
    DROP("dropped (complete cases)"),
    /** Treat "unknown" as a level of its own (named {@code unknown}). */
    OWN_LEVEL("a level of its own"),
    /**
     * Distribute them over the levels they may have by the EM algorithm (Dempster, Laird &amp; Rubin 1977), under
     * the assumption that values are missing at random: the E-step gives each partially classified person with
     * pattern h to the compatible covariate cells c in proportion to the fitted &mu;<sub>hc</sub>, the M-step refits
     * the model to the completed table, until the completed counts change by less than 1e-8 of the total (van der
     * Heijden, Smith, Cruyff &amp; Bakker 2018, An overview of population size estimation where linking
     * registers results in incomplete covariates, J. Official Statistics 34(1)). The intervals are those of the
     * completed table: they leave out the information lost by the unknown values, which is small when few values
     * are unknown; the bootstrap ({@link org.tipmonitor.indicators.estimation.bootstrap.JointBootstrap}) keeps it.
     */
    EM("distributed by EM (missing at random)");

    private final String description;

    UnknownValues(String description) {
        this.description = description;
    }

    /** @return how results describe the treatment, e.g. {@code "dropped (complete cases)"} */
    public String description() {
        return description;
    }

    public CovariateTable apply(CovariateTable table) {
        if (table.partialRows().isEmpty()) {
            return table;
        }
        return switch (this) {
            case REFUSE -> throw org.tipmonitor.indicators.IndicatorException.of(IndicatorRule.COVARIATE_UNKNOWN_REFUSED,
                    table.partiallyClassified());
            case DROP -> table.withoutUnknown();
            case OWN_LEVEL -> table.withUnknownAsLevel("unknown");
            case EM -> table;
        };
    }
}
