package org.tipmonitor.indicators.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.internal.LinearProgram;
import org.tipmonitor.indicators.internal.LinearProgram.Relation;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

/**
 * Controlled rounding of an additive count table of rank 1 or 2 with its margins and total, the alternative to
 * suppression where suppression withholds too much and to {@link Rounding} where margins must stay additive (Cox, L.H.
 * (1987), "A constructive procedure for unbiased controlled rounding", <i>JASA</i> 82, 520&ndash;524; Salazar-Gonz&aacute;lez,
 * J.J. (2005), controlled rounding in tau-ARGUS; Hundepool et al. 2012, section 5.4). Immutable and thread-safe.
 *
 * <p><b>What is published.</b> Every interior cell, margin and the total v is replaced by an adjacent multiple of the
 * base b, r = b&lfloor;v/b&rfloor; or r = b&lfloor;v/b&rfloor; + b: a multiple of b (zero in particular) stays as it
 * is, and the rounded table is additive (rounded cells sum to the rounded margins, rounded margins to the rounded
 * total). Hence |r &minus; v| &lt; b for every value.
 *
 * <p><b>How it is found.</b> With f = b&lfloor;v/b&rfloor; and a round-up indicator u &isin; [0, 1] for each value that is
 * not a multiple of b, r = f + b&middot;u; each line of the table (a margin and its children) gives the equality
 * &Sigma;<sub>children</sub> u &minus; u<sub>margin</sub> = (f<sub>margin</sub> &minus; &Sigma;<sub>children</sub> f)/b.
 * The objective minimises the total absolute rounding distance &Sigma; |r &minus; v| over cells, margins and total
 * (not the number of values moved away from the nearest multiple), which is &Sigma; (v mod b) + &Sigma;
 * u&middot;(b &minus; 2(v mod b)), linear in u. The constraint matrix of a two-way table with its margins is totally
 * unimodular: every value lies on exactly one row line and one column line, and after multiplying the two lines
 * through the total by &minus;1 every column has its two nonzeros of equal sign in different groups (Heller&ndash;Tompkins
 * criterion); a one-way table has a single line. With the bounds u &le; 1 (identity rows) the matrix stays totally
 * unimodular, so every vertex of the polytope is integral (Cox
 * 1987, whose existence proof is the same argument), the polytope is not empty (the true table, u = (v mod b)/b, lies
 * in it) and the simplex optimum, a vertex, is a 0/1 rounding. The solution is checked: a value of u further than
 * 10<sup>&minus;6</sup> from 0 or 1 is refused ({@link org.tipmonitor.indicators.IndicatorRule#ROUNDING_FRACTIONAL}) rather than rounded. The
 * program is solved by the project's one LP engine (ojAlgo's simplex, {@code LinearProgram}); equal inputs give equal
 * roundings.
 *
 * <p><b>Guarantee and audit.</b> Each true value lies in (r &minus; b, r + b), so in [max(0, r &minus; b + 1), r + b &minus; 1]
 * as an integer. An intruder who knows the published table, this rule and the line constraints can narrow a cell to
 * the LP bounds of the polytope those define; {@link #audit(ProtectedTable, long)} computes them for every cell and
 * margin and judges each width against a protection margin p. No width exceeds 2b &minus; 2, and a cell published as 0
 * has width at most b &minus; 1, so a margin p can only be met for every cell with b &ge; p + 1.
 */
public final class ControlledRounding {

    /** How far from 0 or 1 a round-up indicator may be and still count as integral. */
    static final double INTEGRALITY_TOLERANCE = 1e-6;

    private final long base;

    private ControlledRounding(long base) {
        this.base = base;
    }

    /**
     * Controlled rounding to multiples of b.
     *
     * @param base b &ge; 2
     * @return the method
     * @throws IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#ROUNDING_BASE}) if b &lt; 2
     */
    public static ControlledRounding withBase(long base) {
        if (base < 2) {
            throw IndicatorException.of(IndicatorRule.ROUNDING_BASE, base);
        }
        return new ControlledRounding(base);
    }

    /**
     * The base b.
     *
     * @return b
     */
    public long base() {
        return base;
    }

    /**
     * Rounds a table so that it stays additive (see the class description): each cell, margin and the total becomes an
     * adjacent multiple of b, multiples (and zeros) stay, and the total absolute rounding distance is minimal among
     * such roundings. Every value of the result has status {@link CellStatus#ROUNDED}; the provenance records the
     * method ({@code disclosure.method = controlled-rounding}), the base and the distance.
     *
     * @param table the internal table (counts are nonnegative: {@link CountTable} refuses negative counts)
     * @return the rounded table
     * @throws NullPointerException if table is null
     * @throws IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#ROUNDING_TABLE}) if the table has rank 0 or above 2, or is not
     *         additive (a distinct-person table whose margins are not the sums of its cells);
     *         ({@link org.tipmonitor.indicators.IndicatorRule#ROUNDING_FRACTIONAL}) if the solver returns a fractional vertex
     */
    public ProtectedTable round(CountTable table) {
        Objects.requireNonNull(table, "table");
        if (table.rank() < 1 || table.rank() > 2 || !table.isAdditive()) {
            throw IndicatorException.of(IndicatorRule.ROUNDING_TABLE, "rank " + table.rank()
                    + (table.isAdditive() ? "" : ", not additive"));
        }
        ExtendedIndex index = new ExtendedIndex(table.shape());
        long[] values = table.extendedCounts();
        int size = values.length;
        int[] variable = new int[size];
        int n = 0;
        for (int o = 0; o < size; o++) {
            variable[o] = values[o] % base == 0 ? -1 : n++;
        }
        long[] rounded = new long[size];
        for (int o = 0; o < size; o++) {
            rounded[o] = Math.multiplyExact(values[o] / base, base);
        }
        if (n > 0) {
            double[] u = solve(index, values, variable, n);
            for (int o = 0; o < size; o++) {
                if (variable[o] >= 0 && u[variable[o]] > 0.5) {
                    rounded[o] = Math.addExact(rounded[o], base);
                }
            }
        }
        long distance = 0;
        CellStatus[] status = new CellStatus[size];
        for (int o = 0; o < size; o++) {
            distance += Math.abs(rounded[o] - values[o]);
            status[o] = CellStatus.ROUNDED;
        }
        Provenance provenance = table.provenance()
                .withDefinition("disclosure.method", "controlled-rounding")
                .withDefinition("disclosure.roundingBase", Long.toString(base))
                .withDefinition("disclosure.roundingObjective", "minimum total absolute distance")
                .withDefinition("disclosure.roundingDistance", Long.toString(distance));
        return new ProtectedTable(table, rounded, status, provenance, base);
    }

    /** The 0/1 round-up indicators of an optimal controlled rounding, checked for integrality. */
    private double[] solve(ExtendedIndex index, long[] values, int[] variable, int n) {
        LinearProgram program = new LinearProgram(n);
        for (int k = 0; k < n; k++) {
            program.addSparseRow(new int[] {k}, new double[] {1}, Relation.AT_MOST, 1);
        }
        for (ExtendedIndex.Line line : index.lines()) {
            List<Integer> vars = new ArrayList<>();
            List<Double> coefficients = new ArrayList<>();
            long rhs = values[line.margin()] / base;
            if (variable[line.margin()] >= 0) {
                vars.add(variable[line.margin()]);
                coefficients.add(-1.0);
            }
            for (int child : line.children()) {
                rhs -= values[child] / base;
                if (variable[child] >= 0) {
                    vars.add(variable[child]);
                    coefficients.add(1.0);
                }
            }
            if (!vars.isEmpty()) {
                program.addSparseRow(vars.stream().mapToInt(Integer::intValue).toArray(),
                        coefficients.stream().mapToDouble(Double::doubleValue).toArray(), Relation.EQUAL, rhs);
            }
        }
        // maximise sum u * (2 (v mod b) - b), i.e. minimise the total absolute distance
        double[] objective = new double[n];
        for (int o = 0; o < values.length; o++) {
            if (variable[o] >= 0) {
                objective[variable[o]] = 2.0 * (values[o] % base) - base;
            }
        }
        program.maximum(objective);
        double[] u = program.lastSolution().orElseThrow(
                () -> IndicatorException.of(IndicatorRule.ROUNDING_FRACTIONAL, "no optimal vertex"));
        for (int k = 0; k < n; k++) {
            if (Math.min(Math.abs(u[k]), Math.abs(u[k] - 1)) > INTEGRALITY_TOLERANCE) {
                throw IndicatorException.of(IndicatorRule.ROUNDING_FRACTIONAL, 
                        String.format(Locale.ROOT, "round-up indicator %d of %d is %.9f", k, n, u[k]));
            }
        }
        return u;
    }

    /**
     * Audits a table published by controlled rounding: for every cell, margin and the total, the smallest and largest
     * integer true value an intruder can infer from the published values, the line constraints (margins are sums of
     * their cells) and the rounding rule (each true value v &ge; 0 lies within b &minus; 1 of its published value r).
     * Each bound is the optimum of a linear program over the box [max(0, r &minus; b + 1), r + b &minus; 1] of every value
     * and the line equalities, solved with the project's {@code LinearProgram}; the same total unimodularity makes the
     * bounds integral. A bound that an earlier optimal point already attains at the value's box limit is taken from it
     * without a program of its own (the box limit bounds every feasible point; the published table itself is the first
     * such point). A value is exposed if its width is below the margin p.
     *
     * @param table  a table published by {@link #round(CountTable)} with this method's base
     * @param margin the protection margin p &ge; 1 each width is judged against
     * @return one interval per cell and margin (status {@link CellStatus#ROUNDED}), in row-major order of the extended
     *         table
     * @throws NullPointerException if table is null
     * @throws IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#MARGIN_BELOW_ONE}) if p &lt; 1;
     *         ({@link org.tipmonitor.indicators.IndicatorRule#ROUNDING_TABLE}) if the table was not published by controlled rounding with base b;
     *         ({@link org.tipmonitor.indicators.IndicatorRule#INCONSISTENT}) if the published values admit no table
     */
    public AuditReport audit(ProtectedTable table, long margin) {
        Objects.requireNonNull(table, "table");
        if (margin < 1) {
            throw IndicatorException.of(IndicatorRule.MARGIN_BELOW_ONE, margin);
        }
        if (table.controlledRoundingBase().orElse(0) != base) {
            throw IndicatorException.of(IndicatorRule.ROUNDING_TABLE, "table is not controlled-rounded to base " + base);
        }
        ExtendedIndex index = table.index();
        long[] published = table.publishedValues();
        int size = published.length;
        // y = x - lower >= 0, y <= upper - lower
        long[] lower = new long[size];
        LinearProgram program = new LinearProgram(size);
        for (int o = 0; o < size; o++) {
            lower[o] = Math.max(0, published[o] - base + 1);
            long upper = published[o] + base - 1;
            program.addSparseRow(new int[] {o}, new double[] {1}, Relation.AT_MOST, upper - lower[o]);
        }
        for (ExtendedIndex.Line line : index.lines()) {
            int[] children = line.children();
            int[] vars = Arrays.copyOf(children, children.length + 1);
            vars[children.length] = line.margin();
            double[] coefficients = new double[vars.length];
            Arrays.fill(coefficients, 1);
            coefficients[children.length] = -1;
            long rhs = lower[line.margin()];
            for (int child : children) {
                rhs -= lower[child];
            }
            program.addSparseRow(vars, coefficients, Relation.EQUAL, rhs);
        }
        // the published table and every optimal point solved are feasible: a value one of them puts at its box limit
        // has that limit as its optimum, and needs no program of its own
        double[] seenMin = new double[size];
        double[] seenMax = new double[size];
        for (int o = 0; o < size; o++) {
            seenMin[o] = published[o] - lower[o];
            seenMax[o] = seenMin[o];
        }
        List<CellInterval> intervals = new ArrayList<>();
        try {
            for (int o = 0; o < size; o++) {
                double width = published[o] + base - 1 - lower[o];
                double min = seenMin[o] <= INTEGRALITY_TOLERANCE ? 0 : solved(program.minimum(o), program, seenMin,
                        seenMax);
                double max = seenMax[o] >= width - INTEGRALITY_TOLERANCE ? width : solved(program.maximum(o),
                        program, seenMin, seenMax);
                long lo = lower[o] + (long) Math.ceil(min - INTEGRALITY_TOLERANCE);
                long hi = lower[o] + (long) Math.floor(max + INTEGRALITY_TOLERANCE);
                intervals.add(new CellInterval(Arrays.stream(index.coords(o)).boxed().toList(), CellStatus.ROUNDED,
                        lo, hi, hi - lo < margin));
            }
        } catch (LinearProgram.InfeasibleException e) {
            throw IndicatorException.of(IndicatorRule.INCONSISTENT, "published rounded values are not additive");
        }
        return new AuditReport(intervals, margin, Provenance.of("lp-controlled-rounding-audit")
                .withDefinition("protectionMargin", Long.toString(margin))
                .withDefinition("roundingBase", Long.toString(base)));
    }

    /** Records the last optimal point of the program in the smallest and largest values seen; returns value. */
    private static double solved(double value, LinearProgram program, double[] seenMin, double[] seenMax) {
        program.lastSolution().ifPresent(x -> {
            for (int k = 0; k < x.length; k++) {
                seenMin[k] = Math.min(seenMin[k], x[k]);
                seenMax[k] = Math.max(seenMax[k], x[k]);
            }
        });
        return value;
    }

    /**
     * The method as text.
     *
     * @return e.g. {@code "ControlledRounding[base=5]"}
     */
    @Override
    public String toString() {
        return "ControlledRounding[base=" + base + "]";
    }
}
