package org.tipmonitor.indicators.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.internal.LinearProgram;
import org.tipmonitor.indicators.internal.LinearProgram.Relation;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

/**
 * The feasible interval of each suppressed cell of one or more tables extended with their margins, as an intruder
 * can compute it from the published cells and any further published relations between cells: min and max of the cell
 * over all nonnegative real tables that agree with every published value, satisfy each table's line constraints and
 * every extra row, by linear programming ({@link LinearProgram}, ojAlgo's simplex).
 *
 * <p>Variables: one per suppressed cell (interior or margin) of every table. Per line of an extended table (a margin m
 * and its children c<sub>1</sub>..c<sub>k</sub> along one dimension): an additive table gives m = &Sigma;c<sub>j</sub>;
 * a table of distinct counts gives c<sub>j</sub> &le; m &le; &Sigma;c<sub>j</sub>. Extra rows (links between tables,
 * stated facts) are linear relations over cells of any table. Published values are constants.
 *
 * <p>Cells are addressed globally: the cells of table b follow those of tables 0..b&minus;1, each table in the
 * row-major order of its extended index.
 *
 * <p>Every solve yields a feasible table; the smallest and largest value each withheld cell took in any of them
 * bound its interval from inside, and bound propagation over the rows bounds it from outside. Where the two meet the
 * bound is the optimum and is not solved for again; and
 * {@link #isProtected(int, double)} needs no program at all once the observed spread is wide enough. Secondary
 * suppression seeds the observations with the true table, which is feasible by definition.
 */
final class FeasibleIntervals {

    /** Tolerance for rounding LP bounds to the integers they stand for. */
    static final double INTEGER_TOLERANCE = 1e-6;

    /**
     * One table of the set.
     *
     * @param index      its extended index
     * @param additive   whether margins are sums of their cells
     * @param values     published values (others are ignored), one per extended cell
     * @param suppressed which extended cells are withheld
     */
    record Block(ExtendedIndex index, boolean additive, double[] values, boolean[] suppressed) {
    }

    /**
     * A linear relation &Sigma; coefficient&middot;cell (relation) rhs over global cell addresses.
     *
     * @param cells        global cell addresses
     * @param coefficients one per cell
     * @param relation     =, &le; or &ge;
     * @param rhs          the right-hand side
     */
    record Row(int[] cells, double[] coefficients, Relation relation, double rhs) {
    }

    private final int[] variableOf;
    private final int variables;
    private final boolean integral;
    private final LinearProgram lp;
    private final double[] seenMin;
    private final double[] seenMax;
    private final double[] constants;
    private final List<SparseRow> sparseRows = new ArrayList<>();
    private double[] lower;
    private double[] upper;

    FeasibleIntervals(ExtendedIndex index, boolean additive, long[] values, boolean[] suppressed) {
        this(index, additive, Arrays.stream(values).asDoubleStream().toArray(), suppressed, true);
    }

    /**
     * The LP for a table with the given values.
     *
     * @param integral whether the values are integers (counts), so that bounds may be tightened to integers
     */
    FeasibleIntervals(ExtendedIndex index, boolean additive, double[] values, boolean[] suppressed,
            boolean integral) {
        this(List.of(new Block(index, additive, values, suppressed)), List.of(), integral);
    }

    /**
     * The LP for a set of tables and extra rows.
     *
     * @param integral whether the values are integers (counts), so that bounds may be tightened to integers
     */
    FeasibleIntervals(List<Block> blocks, List<Row> extra, boolean integral) {
        this.integral = integral;
        int size = blocks.stream().mapToInt(b -> b.values().length).sum();
        variableOf = new int[size];
        constants = new double[size];
        Arrays.fill(variableOf, -1);
        int v = 0;
        int start = 0;
        for (Block b : blocks) {
            for (int o = 0; o < b.values().length; o++) {
                if (b.suppressed()[o]) {
                    variableOf[start + o] = v++;
                } else {
                    constants[start + o] = b.values()[o];
                }
            }
            start += b.values().length;
        }
        variables = v;
        seenMin = new double[v];
        seenMax = new double[v];
        Arrays.fill(seenMin, Double.POSITIVE_INFINITY);
        Arrays.fill(seenMax, Double.NEGATIVE_INFINITY);
        lp = new LinearProgram(variables);
        start = 0;
        for (Block b : blocks) {
            for (ExtendedIndex.Line line : b.index().lines()) {
                int[] children = line.children();
                int margin = start + line.margin();
                int[] cells = new int[children.length];
                for (int k = 0; k < children.length; k++) {
                    cells[k] = start + children[k];
                }
                if (b.additive()) {
                    // sum(children) - margin = 0
                    addRow(cells, 1, margin, -1, Relation.EQUAL, 0);
                } else {
                    // margin - sum(children) <= 0 and child - margin <= 0
                    addRow(cells, -1, margin, 1, Relation.AT_MOST, 0);
                    for (int child : cells) {
                        addRow(new int[] {child}, 1, margin, -1, Relation.AT_MOST, 0);
                    }
                }
            }
            start += b.values().length;
        }
        for (Row row : extra) {
            double[] c = new double[variables];
            double rhs = row.rhs();
            double scale = Math.abs(rhs);
            for (int k = 0; k < row.cells().length; k++) {
                double t = term(c, row.cells()[k], row.coefficients()[k]);
                rhs -= t;
                scale += Math.abs(t);
            }
            if (!addIfVariable(c, row.relation(), rhs) && !holds(row.relation(), rhs,
                    INTEGER_TOLERANCE * Math.max(1, scale))) {
                // a relation among published values only that does not hold: the published values contradict it
                throw IndicatorException.of("Published values are inconsistent with the table's constraints: %s",
                        "no feasible table");
            }
        }
    }

    /**
     * Adds childSign &Sigma; children + marginSign margin (relation) rhs, with published cells moved to the
     * right-hand side, if any withheld cell takes part.
     */
    private void addRow(int[] children, double childSign, int margin, double marginSign, Relation relation,
            double rhs) {
        double[] c = new double[variables];
        double r = rhs;
        for (int child : children) {
            r -= term(c, child, childSign);
        }
        r -= term(c, margin, marginSign);
        addIfVariable(c, relation, r);
    }

    private boolean addIfVariable(double[] c, Relation relation, double rhs) {
        int nonzero = 0;
        for (double x : c) {
            if (x != 0) {
                nonzero++;
            }
        }
        if (nonzero == 0) {
            return false;
        }
        lp.addRow(c, relation, rhs);
        int[] index = new int[nonzero];
        double[] a = new double[nonzero];
        for (int j = 0, k = 0; j < c.length; j++) {
            if (c[j] != 0) {
                index[k] = j;
                a[k++] = c[j];
            }
        }
        // a'x >= b is stored as -a'x <= -b
        if (relation == Relation.AT_LEAST) {
            for (int k = 0; k < nonzero; k++) {
                a[k] = -a[k];
            }
            sparseRows.add(new SparseRow(index, a, false, -rhs));
        } else {
            sparseRows.add(new SparseRow(index, a, relation == Relation.EQUAL, rhs));
        }
        return true;
    }

    /** A row a'x = b (equality) or a'x &le; b over variables. */
    private record SparseRow(int[] index, double[] a, boolean equality, double b) {
    }

    /**
     * Bounds implied by the rows (LP presolve bound propagation, Andersen &amp; Andersen, Mathematical Programming 71,
     * 1995, section 3): for a row a'x &le; b and a variable j with a<sub>j</sub> &gt; 0,
     * x<sub>j</sub> &le; (b &minus; min &Sigma;<sub>k&ne;j</sub> a<sub>k</sub>x<sub>k</sub>)/a<sub>j</sub> with the
     * minimum over the current bounds (and the mirrored rule for a<sub>j</sub> &lt; 0; an equality row gives both
     * directions). Repeated while some bound tightens by more than the tolerance, at most 50 rounds. Every bound is
     * valid for every feasible point; an observed value equal to a bound is therefore the optimum.
     */
    private void propagate() {
        lower = new double[variables];
        upper = new double[variables];
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        for (int round = 0; round < 50; round++) {
            boolean changed = false;
            for (SparseRow row : sparseRows) {
                changed |= tighten(row.index(), row.a(), row.b());
                if (row.equality()) {
                    double[] negated = row.a().clone();
                    for (int k = 0; k < negated.length; k++) {
                        negated[k] = -negated[k];
                    }
                    changed |= tighten(row.index(), negated, -row.b());
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    /** One pass of bound propagation over a'x &le; b. */
    private boolean tighten(int[] index, double[] a, double b) {
        // minimum activity: sum of a_k * (lower if a_k > 0 else upper), counting infinite terms
        double finite = 0;
        int infinite = 0;
        for (int k = 0; k < index.length; k++) {
            double bound = a[k] > 0 ? lower[index[k]] : upper[index[k]];
            if (Double.isInfinite(bound)) {
                infinite++;
            } else {
                finite += a[k] * bound;
            }
        }
        boolean changed = false;
        for (int k = 0; k < index.length; k++) {
            int j = index[k];
            double own = a[k] > 0 ? lower[j] : upper[j];
            double rest;
            if (Double.isInfinite(own)) {
                if (infinite > 1) {
                    continue;
                }
                rest = finite;
            } else {
                if (infinite > 0) {
                    continue;
                }
                rest = finite - a[k] * own;
            }
            double bound = (b - rest) / a[k];
            double slack = INTEGER_TOLERANCE * Math.max(1, Math.abs(bound));
            if (a[k] > 0 && bound < upper[j] - slack) {
                upper[j] = bound;
                changed = true;
            } else if (a[k] < 0 && bound > lower[j] + slack) {
                lower[j] = bound;
                changed = true;
            }
        }
        return changed;
    }

    /** Whether 0 (relation) rhs holds within the tolerance. */
    private static boolean holds(Relation relation, double rhs, double tolerance) {
        return switch (relation) {
            case EQUAL -> Math.abs(rhs) <= tolerance;
            case AT_MOST -> rhs >= -tolerance;
            case AT_LEAST -> rhs <= tolerance;
        };
    }

    /** Adds coefficient to the variable of a cell, or returns the constant contribution of a published cell. */
    private double term(double[] coefficients, int cell, double coefficient) {
        int variable = variableOf[cell];
        if (variable >= 0) {
            coefficients[variable] += coefficient;
            return 0;
        }
        return coefficient * constants[cell];
    }

    /**
     * Records a feasible table (for example the true one): its withheld values bound every interval from inside.
     *
     * @param values one per global cell
     */
    void observe(double[] values) {
        for (int cell = 0; cell < variableOf.length; cell++) {
            int v = variableOf[cell];
            if (v >= 0) {
                seenMin[v] = Math.min(seenMin[v], values[cell]);
                seenMax[v] = Math.max(seenMax[v], values[cell]);
            }
        }
    }

    private void observeLastSolution() {
        lp.lastSolution().ifPresent(x -> {
            for (int v = 0; v < x.length; v++) {
                seenMin[v] = Math.min(seenMin[v], x[v]);
                seenMax[v] = Math.max(seenMax[v], x[v]);
            }
        });
    }

    /**
     * Whether a suppressed cell's interval is at least the required width and not a point
     * (not {@link DisclosureAudit#isExposed}); decided from the observed feasible tables when they suffice.
     */
    boolean isProtected(int cell, double required) {
        int v = variable(cell);
        if (seenMin[v] <= seenMax[v]) {
            double[] inner = tighten(seenMin[v], seenMax[v]);
            if (!DisclosureAudit.isExposed(inner, required)) {
                return true;
            }
        }
        return !DisclosureAudit.isExposed(interval(cell), required);
    }

    /**
     * The feasible interval of a suppressed cell, {min, max}, with +&infin; when the maximum is unbounded; for integral
     * values tightened to integers, {ceil(min), floor(max)}.
     */
    double[] interval(int cell) {
        int v = variable(cell);
        double min;
        double max;
        if (lower == null) {
            propagate();
        }
        try {
            if (seenMin[v] <= Math.max(0, lower[v]) + INTEGER_TOLERANCE * Math.max(1, lower[v])) {
                min = Math.max(0, lower[v]);
            } else {
                min = lp.minimum(v);
                observeLastSolution();
            }
            if (seenMax[v] >= upper[v] - INTEGER_TOLERANCE * Math.max(1, upper[v])) {
                max = upper[v];
            } else {
                max = lp.maximum(v);
                observeLastSolution();
            }
        } catch (LinearProgram.InfeasibleException e) {
            throw IndicatorException.of("Published values are inconsistent with the table's constraints: %s",
                    "no feasible table");
        }
        return tighten(min, max);
    }

    private double[] tighten(double min, double max) {
        double lo = min;
        double hi = max;
        if (integral) {
            lo = Math.ceil(lo - INTEGER_TOLERANCE);
            hi = Math.floor(hi + INTEGER_TOLERANCE);
        }
        lo = Math.max(0, lo);
        return new double[] {lo, Math.max(lo, hi)};
    }

    private int variable(int cell) {
        int variable = variableOf[cell];
        if (variable < 0) {
            throw new IllegalArgumentException("Cell is not suppressed: " + cell);
        }
        return variable;
    }
}
