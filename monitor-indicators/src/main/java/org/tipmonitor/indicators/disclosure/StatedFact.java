package org.tipmonitor.indicators.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;

/**
 * A linear statement a publication makes about cells of its tables besides the tables themselves: lower &le;
 * &Sigma;<sub>k</sub> a<sub>k</sub> x<sub>k</sub> &le; upper. A published total is the equality &Sigma; x = n; a share
 * printed to some precision bounds numerator/denominator, which is linear once multiplied out
 * ({@link #share}); a decomposition sentence such as "driven by one group: A (+9); without it the total went from 29
 * to 25" is a few such statements ({@link #difference}, {@link #total}). {@link DisclosureAudit} adds every fact to
 * the intruder's linear program.
 *
 * @param description what the publication says, for the audit report
 * @param cells       the cells
 * @param coefficients one per cell
 * @param lower       the lower bound, or -&infin;
 * @param upper       the upper bound, or +&infin;
 */
public record StatedFact(String description, List<CellRef> cells, List<Double> coefficients, double lower,
        double upper) {

    /**
     * Copies the lists and checks the range.
     *
     * @throws NullPointerException if a component is null
     * @throws org.tipmonitor.indicators.IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#FACT_VALUE}) if the lists differ in
     *         length or are empty, a bound is NaN, or lower &gt; upper
     */
    public StatedFact {
        Objects.requireNonNull(description, "description");
        cells = List.copyOf(cells);
        coefficients = List.copyOf(coefficients);
        if (cells.isEmpty() || cells.size() != coefficients.size()) {
            throw IndicatorException.of(IndicatorRule.FACT_VALUE, description, cells.size() + " cells and "
                    + coefficients.size() + " coefficients");
        }
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw IndicatorException.of(IndicatorRule.FACT_VALUE, description, "range [" + lower + ", " + upper + "]");
        }
    }

    /**
     * A published total: &Sigma; cells = value.
     *
     * @param description what the publication says
     * @param value       the total, a nonnegative integer
     * @param cells       the cells it sums
     * @return the fact
     * @throws org.tipmonitor.indicators.IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#FACT_VALUE}) if value is negative
     */
    public static StatedFact total(String description, long value, List<CellRef> cells) {
        if (value < 0) {
            throw IndicatorException.of(IndicatorRule.FACT_VALUE, description, "negative count " + value);
        }
        return new StatedFact(description, cells, ones(cells.size(), 1), value, value);
    }

    /**
     * A published difference of two sums: &Sigma; plus &minus; &Sigma; minus = value (for example a group's change
     * between two years, "+9").
     *
     * @param description what the publication says
     * @param value       the difference, an integer
     * @param plus        the cells added
     * @param minus       the cells subtracted
     * @return the fact
     */
    public static StatedFact difference(String description, long value, List<CellRef> plus, List<CellRef> minus) {
        List<CellRef> cells = new ArrayList<>(plus);
        cells.addAll(minus);
        List<Double> a = new ArrayList<>(ones(plus.size(), 1));
        a.addAll(ones(minus.size(), -1));
        return new StatedFact(description, cells, a, value, value);
    }

    /**
     * An inequality &Sigma; plus &minus; &Sigma; minus &le; bound (for example "no other group rose": each other
     * group's change is &le; 0).
     *
     * @param description what the publication says
     * @param bound       the upper bound
     * @param plus        the cells added
     * @param minus       the cells subtracted
     * @return the fact
     */
    public static StatedFact atMost(String description, double bound, List<CellRef> plus, List<CellRef> minus) {
        List<CellRef> cells = new ArrayList<>(plus);
        cells.addAll(minus);
        List<Double> a = new ArrayList<>(ones(plus.size(), 1));
        a.addAll(ones(minus.size(), -1));
        return new StatedFact(description, cells, a, Double.NEGATIVE_INFINITY, bound);
    }

    /**
     * A published share s of the denominator, known to lie in [low, high] (for example 37.5% printed to one decimal:
     * [0.3745, 0.3755]): low&middot;&Sigma;den &le; &Sigma;num &le; high&middot;&Sigma;den, as two facts
     * &Sigma;num &minus; low&middot;&Sigma;den &ge; 0 and &Sigma;num &minus; high&middot;&Sigma;den &le; 0 (a cell in both
     * lists gets both coefficients).
     *
     * @param description what the publication says
     * @param numerator   the cells counted in the numerator
     * @param denominator the cells counted in the denominator
     * @param low         the smallest share consistent with the printed value, in [0, 1]
     * @param high        the largest, in [low, 1]
     * @return the two facts
     * @throws org.tipmonitor.indicators.IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#FACT_VALUE}) if 0 &le; low &le;
     *         high &le; 1 fails
     */
    public static List<StatedFact> share(String description, List<CellRef> numerator, List<CellRef> denominator,
            double low, double high) {
        if (!(0 <= low && low <= high && high <= 1)) {
            throw IndicatorException.of(IndicatorRule.FACT_VALUE, description, "share range [" + low + ", " + high + "]");
        }
        return List.of(weighted(description + " (lower)", numerator, denominator, low, 0, Double.POSITIVE_INFINITY),
                weighted(description + " (upper)", numerator, denominator, high, Double.NEGATIVE_INFINITY, 0));
    }

    private static StatedFact weighted(String description, List<CellRef> numerator, List<CellRef> denominator,
            double weight, double lower, double upper) {
        List<CellRef> cells = new ArrayList<>(numerator);
        cells.addAll(denominator);
        List<Double> a = new ArrayList<>(ones(numerator.size(), 1));
        a.addAll(ones(denominator.size(), -weight));
        return new StatedFact(description, cells, a, lower, upper);
    }

    private static List<Double> ones(int n, double value) {
        List<Double> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(value);
        }
        return list;
    }
}
