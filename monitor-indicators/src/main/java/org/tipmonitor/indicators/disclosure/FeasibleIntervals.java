package org.tipmonitor.indicators.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.internal.LinearProgram;
import org.tipmonitor.indicators.internal.LinearProgram.Relation;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

/**
 * The feasible interval of each suppressed cell of one or more tables extended with their margins, as an intruder
 * can compute it from the published cells and any further published relations between cells: min and max of the cell
 * over all nonnegative real tables that agree with every published value, satisfy each table's line constraints and
 * every extra row, by linear programming ({@link LinearProgram}, GLOP's simplex).
 *
 * <p>Variables: one per suppressed cell (interior or margin) of every table. Per line of an extended table (a margin m
 * and its children c<sub>1</sub>..c<sub>k</sub> along one dimension): an additive table gives m = &Sigma;c<sub>j</sub>;
 * a table of distinct counts gives c<sub>j</sub> &le; m &le; &Sigma;c<sub>j</sub>. Extra rows (links between tables,
 * stated facts) are linear relations over cells of any table. Published values are constants.
 *
 * <p>Cells are addressed globally: the cells of table b follow those of tables 0..b&minus;1, each table in the
 * row-major order of its extended index.
 *
 * <p>Exact and cheap at once, by five devices, none of which can miss an exposure:
 * <ol>
 * <li><b>Observed tables.</b> Every feasible table seen (the true one, given as a {@linkplain #reference reference},
 * and every optimum) bounds each interval from inside: min &le; smallest value seen, max &ge; largest. A cell whose
 * observed values already span the required width is protected, proven by the tables themselves.
 * <li><b>Local programs.</b> With a reference table x<sup>0</sup>, the cell's min and max are first taken over a
 * slice of the polytope: a neighbourhood V of the cell (the withheld cells of its short rows, a few of the largest
 * withheld cells of its long rows, repeated to depth 4, at most 60 cells; tried only in blocks of more than 400 withheld cells) is free and every other withheld cell is
 * fixed at x<sup>0</sup>. The slice is a subset of the feasible set, so its optima are feasible tables: they can only
 * prove a cell protected, never expose one.
 * <li><b>Bound propagation</b> (Andersen &amp; Andersen 1995) bounds each interval from outside: where an observed
 * value meets a propagated bound, that bound is the optimum, and an outer interval narrower than required proves
 * exposure without a program.
 * <li><b>Joint proofs.</b> In a large block, a few programs whose objective rewards every open cell for reaching the
 * value that proves it ({@link #prove}) give feasible tables that prove most cells at once; like local programs they
 * can only prove protection.
 * <li><b>Independent blocks.</b> The exact programs are solved over the connected component of the cell only (cells
 * joined by a row in which both are withheld); the program of the whole set is separable over its components.
 * </ol>
 * A cell that none of these decides gets the exact program over its component.
 */
final class FeasibleIntervals {

    /** Tolerance for rounding LP bounds to the integers they stand for. */
    static final double INTEGER_TOLERANCE = 1e-6;

    /** Rows with at most this many withheld cells are taken whole into a neighbourhood. */
    private static final int SHORT_ROW = 24;
    /** Local programs are tried only in blocks of more withheld cells than this; smaller blocks are solved exactly. */
    static final int LOCAL_FROM = 400;
    /** Neighbourhood search depth. */
    private static final int DEPTH = 4;
    /** Withheld cells taken from a long row, and the size limit of a neighbourhood. */
    private static final int TOP = 3;
    private static final int CAP = 60;
    /** The same for the wider second attempt of the audit. */
    private static final int WIDE_TOP = 16;
    private static final int WIDE_CAP = 600;
    /** Joint proofs are made only in blocks of more withheld cells than this. */
    static final int JOINT_FROM = 400;
    /** At most this many programs per joint proof. */
    private static final int JOINT_ROUNDS = 16;
    /** A joint proof is made only for at least this many open cells not tried jointly before. */
    static final int JOINT_MIN_OPEN = 50;
    /** Blocks larger than this are first proven in groups of about this many cells. */
    static final int GROUP = 1000;

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

    /** What the cheap devices could say about a cell. */
    enum Verdict {
        /** Proven protected by observed tables. */
        PROTECTED,
        /** Proven exposed by the propagated (outer) bounds. */
        EXPOSED,
        /** Neither: the exact program decides. */
        OPEN
    }

    private final boolean integral;
    private final int size;
    private final double[] constants;
    private final boolean[] suppressed;
    private final int[][] rowCells;
    private final double[][] rowCoefficients;
    private final boolean[] rowEquality;
    private final double[] rowRhs;
    private final int[][] cellRows;
    private final double[] seenMin;
    private final double[] seenMax;
    private double[] reference;
    private int localFrom = LOCAL_FROM;
    private int jointFrom = JOINT_FROM;
    private int jointMinOpen = JOINT_MIN_OPEN;
    private int group = GROUP;
    private double[] widths;
    private boolean[] triedJointly;
    private double[] lower;
    private double[] upper;
    private int[] componentOf;
    private final List<Component> components = new ArrayList<>();
    private final int[] cellStamp;
    private final int[] rowStamp;
    private final int[] localOf;
    private int stamp;

    /** The exact program of one connected component. */
    private static final class Component {
        final int[] cells;
        LinearProgram program;
        boolean jointlyProven;

        Component(int[] cells) {
            this.cells = cells;
        }
    }

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
     * @throws IndicatorException if an extra row over published cells only does not hold
     */
    FeasibleIntervals(List<Block> blocks, List<Row> extra, boolean integral) {
        this.integral = integral;
        size = blocks.stream().mapToInt(b -> b.values().length).sum();
        constants = new double[size];
        suppressed = new boolean[size];
        List<int[]> cells = new ArrayList<>();
        List<double[]> coefficients = new ArrayList<>();
        List<Boolean> equality = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        int start = 0;
        for (Block b : blocks) {
            for (int o = 0; o < b.values().length; o++) {
                suppressed[start + o] = b.suppressed()[o];
                constants[start + o] = b.suppressed()[o] ? 0 : b.values()[o];
            }
            for (ExtendedIndex.Line line : b.index().lines()) {
                int[] children = line.children();
                int margin = start + line.margin();
                int[] row = new int[children.length + 1];
                double[] a = new double[children.length + 1];
                for (int k = 0; k < children.length; k++) {
                    row[k] = start + children[k];
                    a[k] = 1;
                }
                row[children.length] = margin;
                a[children.length] = -1;
                if (b.additive()) {
                    // sum(children) - margin = 0
                    add(cells, coefficients, equality, rhs, row, a, true, 0);
                } else {
                    // margin - sum(children) <= 0 and child - margin <= 0
                    double[] negated = new double[a.length];
                    for (int k = 0; k < a.length; k++) {
                        negated[k] = -a[k];
                    }
                    add(cells, coefficients, equality, rhs, row, negated, false, 0);
                    for (int k = 0; k < children.length; k++) {
                        add(cells, coefficients, equality, rhs, new int[] {row[k], margin}, new double[] {1, -1},
                                false, 0);
                    }
                }
            }
            start += b.values().length;
        }
        for (Row row : extra) {
            double[] a = row.coefficients().clone();
            double b = row.rhs();
            if (row.relation() == Relation.AT_LEAST) {
                for (int k = 0; k < a.length; k++) {
                    a[k] = -a[k];
                }
                b = -b;
            }
            int r = cells.size();
            add(cells, coefficients, equality, rhs, row.cells().clone(), a, row.relation() == Relation.EQUAL, b);
            boolean free = false;
            double activity = 0;
            double scale = Math.abs(b);
            for (int k = 0; k < a.length; k++) {
                free |= suppressed[row.cells()[k]];
                activity += a[k] * constants[row.cells()[k]];
                scale += Math.abs(a[k] * constants[row.cells()[k]]);
            }
            double tolerance = INTEGER_TOLERANCE * Math.max(1, scale);
            if (!free && (activity > b + tolerance || equality.get(r) && activity < b - tolerance)) {
                // a relation among published values only that does not hold: the published values contradict it
                throw IndicatorException.of(IndicatorRule.INFEASIBLE,
                        "no feasible table");
            }
        }
        int rows = cells.size();
        rowCells = cells.toArray(new int[0][]);
        rowCoefficients = coefficients.toArray(new double[0][]);
        rowEquality = new boolean[rows];
        rowRhs = new double[rows];
        int[] count = new int[size];
        for (int r = 0; r < rows; r++) {
            rowEquality[r] = equality.get(r);
            rowRhs[r] = rhs.get(r);
            for (int c : rowCells[r]) {
                count[c]++;
            }
        }
        cellRows = new int[size][];
        for (int c = 0; c < size; c++) {
            cellRows[c] = new int[count[c]];
        }
        Arrays.fill(count, 0);
        for (int r = 0; r < rows; r++) {
            for (int c : rowCells[r]) {
                cellRows[c][count[c]++] = r;
            }
        }
        seenMin = new double[size];
        seenMax = new double[size];
        Arrays.fill(seenMin, Double.POSITIVE_INFINITY);
        Arrays.fill(seenMax, Double.NEGATIVE_INFINITY);
        cellStamp = new int[size];
        rowStamp = new int[rows];
        localOf = new int[size];
    }

    private static void add(List<int[]> cells, List<double[]> coefficients, List<Boolean> equality, List<Double> rhs,
            int[] row, double[] a, boolean eq, double b) {
        cells.add(row);
        coefficients.add(a);
        equality.add(eq);
        rhs.add(b);
    }

    /**
     * Records a feasible table (for example the true one): its withheld values bound every interval from inside.
     *
     * @param values one per global cell
     */
    void observe(double[] values) {
        for (int cell = 0; cell < size; cell++) {
            if (suppressed[cell]) {
                seenMin[cell] = Math.min(seenMin[cell], values[cell]);
                seenMax[cell] = Math.max(seenMax[cell], values[cell]);
            }
        }
    }

    /**
     * Takes a table as the reference point of the local programs, if it is feasible: it must equal every published
     * value and satisfy every row (within the tolerance). A feasible reference is also observed.
     *
     * @param values one per global cell (for example the true counts)
     * @return whether the table is feasible and was taken
     */
    boolean reference(double[] values) {
        for (int c = 0; c < size; c++) {
            if (values[c] < 0 || !suppressed[c] && Math.abs(values[c] - constants[c])
                    > INTEGER_TOLERANCE * Math.max(1, Math.abs(constants[c]))) {
                return false;
            }
        }
        for (int r = 0; r < rowCells.length; r++) {
            double activity = 0;
            double scale = Math.abs(rowRhs[r]);
            for (int k = 0; k < rowCells[r].length; k++) {
                double t = rowCoefficients[r][k] * values[rowCells[r][k]];
                activity += t;
                scale += Math.abs(t);
            }
            double tolerance = INTEGER_TOLERANCE * Math.max(1, scale);
            if (activity > rowRhs[r] + tolerance || rowEquality[r] && activity < rowRhs[r] - tolerance) {
                return false;
            }
        }
        reference = values.clone();
        observe(values);
        return true;
    }

    /**
     * Sets the block size above which local programs are tried (tests force them on small tables with 0).
     *
     * @param cells the size, &ge; 0
     */
    void localProgramsFrom(int cells) {
        localFrom = cells;
    }

    /**
     * Sets the width each cell's interval must reach to be protected, which lets large blocks be proven jointly (see
     * {@link #cheapVerdict}).
     *
     * @param required one per global cell
     */
    void requireWidths(double[] required) {
        widths = required.clone();
        triedJointly = new boolean[size];
    }

    /**
     * Sets when joint proofs are made (tests force them on small tables).
     *
     * @param from    the block size above which they are made, &ge; 0
     * @param minOpen the fewest open cells not tried before that start one, &ge; 1
     * @param size    the group size of the first step, &ge; 1
     */
    void jointProofs(int from, int minOpen, int size) {
        jointFrom = from;
        jointMinOpen = minOpen;
        group = size;
    }

    /**
     * Withholds one more cell. Every table feasible before stays feasible (the cell keeps its value), so observations
     * stay valid; propagated bounds and exact programs are dropped.
     *
     * @param cell a global cell
     */
    void withhold(int cell) {
        if (suppressed[cell]) {
            return;
        }
        suppressed[cell] = true;
        double value = constants[cell];
        constants[cell] = 0;
        seenMin[cell] = value;
        seenMax[cell] = value;
        if (reference != null) {
            reference[cell] = value;
        }
        lower = null;
        upper = null;
        componentOf = null;
        components.clear();
    }

    /**
     * Whether a suppressed cell's interval is at least the required width and not a point (not
     * {@link DisclosureAudit#isExposed}), exactly: decided by observed tables, local programs and propagated bounds
     * where they suffice, else by the exact program of the cell's component.
     */
    boolean isProtected(int cell, double required) {
        Verdict verdict = cheapVerdict(cell, required, false, false);
        if (verdict != Verdict.OPEN) {
            return verdict == Verdict.PROTECTED;
        }
        return !DisclosureAudit.isExposed(interval(cell), required);
    }

    /**
     * The cheap verdict on a cell: observed tables, then local programs (if there is a reference table; with wide
     * neighbourhoods if asked), then the propagated bounds (unless skipped).
     */
    Verdict cheapVerdict(int cell, double required, boolean wide, boolean skipPropagation) {
        variable(cell);
        if (provenByObservation(cell, required)) {
            return Verdict.PROTECTED;
        }
        if (widths != null) {
            Component component = component(cell);
            if (!component.jointlyProven && component.cells.length > jointFrom) {
                prove(component);
                if (provenByObservation(cell, required)) {
                    return Verdict.PROTECTED;
                }
            }
        }
        if (reference != null && (wide || component(cell).cells.length > localFrom)) {
            if (local(cell, required, wide ? WIDE_TOP : TOP, wide ? WIDE_CAP : CAP)) {
                return Verdict.PROTECTED;
            }
        }
        if (!skipPropagation) {
            if (lower == null) {
                propagate();
            }
            if (DisclosureAudit.isExposed(tighten(Math.max(0, lower[cell]), upper[cell]), required)) {
                return Verdict.EXPOSED;
            }
        }
        return Verdict.OPEN;
    }

    private boolean provenByObservation(int cell, double required) {
        return seenMin[cell] <= seenMax[cell]
                && !DisclosureAudit.isExposed(tighten(seenMin[cell], seenMax[cell]), required);
    }

    /**
     * The inner interval of a cell from the tables observed so far, {ceil(min seen), floor(max seen)} for counts.
     *
     * @return the interval, which the feasible interval contains
     */
    double[] observed(int cell) {
        variable(cell);
        return tighten(seenMin[cell], seenMax[cell]);
    }

    /**
     * Whether the observed interval of a cell equals its propagated bounds, so that it is the exact interval.
     */
    boolean observedIsExact(int cell) {
        if (lower == null) {
            propagate();
        }
        return closes(seenMin[cell], Math.max(0, lower[cell])) && closes(upper[cell], seenMax[cell]);
    }

    private static boolean closes(double inner, double outer) {
        return Double.isFinite(outer) && Math.abs(inner - outer) <= INTEGER_TOLERANCE * Math.max(1, Math.abs(outer));
    }

    /**
     * Max, then min, of the cell over a neighbourhood with every other withheld cell fixed at the reference table;
     * every optimum is observed.
     */
    private boolean local(int cell, double required, int top, int cap) {
        int[] cells = neighbourhood(cell, top, cap);
        if (cells.length < 2) {
            return false;
        }
        LinearProgram program = program(cells);
        int own = localOf[cell];
        try {
            program.maximum(own);
            observeLocal(program, cells);
            if (provenByObservation(cell, required)) {
                return true;
            }
            program.minimum(own);
            observeLocal(program, cells);
        } catch (IllegalStateException e) {
            // round-off in the slice: it proves nothing, the exact program decides
            return false;
        }
        return provenByObservation(cell, required);
    }

    private void observeLocal(LinearProgram program, int[] cells) {
        program.lastSolution().ifPresent(x -> {
            for (int k = 0; k < cells.length; k++) {
                seenMin[cells[k]] = Math.min(seenMin[cells[k]], x[k]);
                seenMax[cells[k]] = Math.max(seenMax[cells[k]], x[k]);
            }
        });
    }

    /**
     * A joint proof of protection over one block: a few programs, each of whose optima is a feasible table that can
     * prove many cells at once, instead of two programs per cell. Each cell k of the block gets a companion variable
     * t<sub>k</sub> &le; x<sub>k</sub>; for a still-open cell t<sub>k</sub> &le; &lceil;seen min&rceil; + w<sub>k</sub>
     * (the value that proves it, w<sub>k</sub> its required width), for the others t<sub>k</sub> &le; 0; the program
     * maximises &Sigma; r<sub>k</sub>t<sub>k</sub> over the open cells with random weights r<sub>k</sub> in [1, 2)
     * (seeded by the block, so runs repeat). An optimum moves the block's withheld mass into open cells, each up to
     * the value that proves it, the cells with larger weights first; the weights make the choice strict where sums are
     * fixed (a line whose withheld cells are all open), and cells drained to 0 on the way are observed too, which
     * lowers what the next round needs from them. Rounds repeat, warm-started, over the cells still open, until one
     * proves fewer than 1 in 50 of them or {@value #JOINT_ROUNDS} were solved. Every optimum is a feasible table (the
     * x part satisfies every row), so it is only observed: it proves protection, never exposure, and a cell it leaves
     * open goes on to the other devices.
     *
     * <p>With a reference table, a block of more than {@value #GROUP} cells is first proven in groups of about that
     * size ({@link #groups}), every withheld cell outside the group held at its reference value (a slice of the
     * polytope, as for local programs): the simplex's work grows faster than the program, so many small programs are
     * cheaper than one large one, and measured on three linked 1,000 x 10 tables (17,603 withheld cells) they leave
     * a few hundred cells open, which the rounds over the whole block then take. A proof is made once per block and
     * only if at least {@value #JOINT_MIN_OPEN} open cells were not in an earlier one (suppression withholds a few
     * cells at a time; those go to the other devices).
     */
    private void prove(Component component) {
        component.jointlyProven = true;
        int[] cells = component.cells;
        int m = cells.length;
        int count = 0;
        for (int c : cells) {
            count += !triedJointly[c] && !provenByObservation(c, widths[c]) ? 1 : 0;
        }
        if (count < jointMinOpen) {
            // too few new cells: each goes to the other devices
            return;
        }
        if (reference != null && m > group) {
            for (int[] part : groups(cells)) {
                rounds(part, program(part, part.length));
            }
        }
        count = 0;
        for (int c : cells) {
            count += provenByObservation(c, widths[c]) ? 0 : 1;
        }
        if (count >= jointMinOpen) {
            rounds(cells, program(cells, m));
        }
        for (int c : cells) {
            triedJointly[c] = true;
        }
    }

    /**
     * The rounds of a joint proof over the given withheld cells, with a program over them (others fixed) whose
     * variables m..2m&minus;1 are the companions, in no row yet.
     */
    private void rounds(int[] cells, LinearProgram program) {
        int m = cells.length;
        boolean[] open = new boolean[m];
        int count = 0;
        for (int k = 0; k < m; k++) {
            open[k] = !provenByObservation(cells[k], widths[cells[k]]);
            count += open[k] ? 1 : 0;
            program.addSparseRow(new int[] {m + k, k}, new double[] {1, -1}, Relation.AT_MOST, 0);
        }
        SplittableRandom random = new SplittableRandom(m);
        for (int round = 0; round < JOINT_ROUNDS && count > 0; round++) {
            double[] objective = new double[2 * m];
            for (int k = 0; k < m; k++) {
                int c = cells[k];
                if (open[k]) {
                    double low = integral ? Math.ceil(seenMin[c] - INTEGER_TOLERANCE) : seenMin[c];
                    program.upperBound(m + k, Math.max(0, low) + Math.max(1, widths[c]));
                    objective[m + k] = 1 + random.nextDouble();
                } else {
                    program.upperBound(m + k, 0);
                }
            }
            try {
                program.maximum(objective);
            } catch (IllegalStateException e) {
                // round-off: the remaining cells go to the other devices
                return;
            }
            observeLocal(program, cells);
            int before = count;
            for (int k = 0; k < m; k++) {
                if (open[k] && provenByObservation(cells[k], widths[cells[k]])) {
                    open[k] = false;
                    count--;
                }
            }
            if (before - count < Math.max(1, before / 50)) {
                return;
            }
        }
    }

    /**
     * The cells of a large block dealt into groups of about {@value #GROUP}: clusters of cells joined by short rows
     * (at most {@value #SHORT_ROW} withheld cells: in a two-way table a category's line across the tables that share
     * its margin), dealt in turn, so that each group holds whole clusters of every part of the block.
     */
    private List<int[]> groups(int[] cells) {
        int[] free = new int[rowCells.length];
        for (int r = 0; r < rowCells.length; r++) {
            for (int d : rowCells[r]) {
                free[r] += suppressed[d] ? 1 : 0;
            }
        }
        int count = (cells.length + group - 1) / group;
        List<List<Integer>> groups = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            groups.add(new ArrayList<>());
        }
        boolean[] seen = new boolean[size];
        int next = 0;
        for (int cell : cells) {
            if (seen[cell]) {
                continue;
            }
            List<Integer> group = groups.get(next++ % count);
            Deque<Integer> pending = new ArrayDeque<>(List.of(cell));
            seen[cell] = true;
            while (!pending.isEmpty()) {
                int c = pending.pop();
                group.add(c);
                for (int r : cellRows[c]) {
                    if (free[r] > SHORT_ROW) {
                        continue;
                    }
                    for (int d : rowCells[r]) {
                        if (suppressed[d] && !seen[d]) {
                            seen[d] = true;
                            pending.push(d);
                        }
                    }
                }
            }
        }
        List<int[]> result = new ArrayList<>();
        for (List<Integer> group : groups) {
            result.add(group.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        return result;
    }

    /**
     * The cell and withheld cells near it: breadth first over rows to depth {@value #DEPTH}, a short row's withheld
     * cells all, a long row's the top with the largest reference values, at most cap cells.
     */
    private int[] neighbourhood(int cell, int top, int cap) {
        stamp++;
        int[] found = new int[cap];
        int[] depth = new int[cap];
        int n = 0;
        found[n] = cell;
        depth[n++] = 0;
        cellStamp[cell] = stamp;
        int[] best = new int[top];
        for (int head = 0; head < n && n < cap; head++) {
            if (depth[head] >= DEPTH) {
                continue;
            }
            for (int r : cellRows[found[head]]) {
                if (rowStamp[r] == stamp) {
                    continue;
                }
                rowStamp[r] = stamp;
                int[] rc = rowCells[r];
                int free = 0;
                for (int d : rc) {
                    if (suppressed[d]) {
                        free++;
                    }
                }
                if (free <= SHORT_ROW) {
                    for (int d : rc) {
                        if (suppressed[d] && cellStamp[d] != stamp && n < cap) {
                            cellStamp[d] = stamp;
                            found[n] = d;
                            depth[n++] = depth[head] + 1;
                        }
                    }
                } else {
                    int kept = 0;
                    for (int d : rc) {
                        if (!suppressed[d] || cellStamp[d] == stamp) {
                            continue;
                        }
                        // insertion into the top list, largest reference value first
                        int k = Math.min(kept, top - 1);
                        if (kept == top && reference[best[k]] >= reference[d]) {
                            continue;
                        }
                        while (k > 0 && reference[best[k - 1]] < reference[d]) {
                            best[k] = best[k - 1];
                            k--;
                        }
                        best[k] = d;
                        kept = Math.min(top, kept + 1);
                    }
                    for (int k = 0; k < kept && n < cap; k++) {
                        cellStamp[best[k]] = stamp;
                        found[n] = best[k];
                        depth[n++] = depth[head] + 1;
                    }
                }
            }
        }
        return Arrays.copyOf(found, n);
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
        lower = new double[size];
        upper = new double[size];
        for (int c = 0; c < size; c++) {
            lower[c] = suppressed[c] ? 0 : constants[c];
            upper[c] = suppressed[c] ? Double.POSITIVE_INFINITY : constants[c];
        }
        for (int round = 0; round < 50; round++) {
            boolean changed = false;
            for (int r = 0; r < rowCells.length; r++) {
                changed |= tighten(rowCells[r], rowCoefficients[r], rowRhs[r], 1);
                if (rowEquality[r]) {
                    changed |= tighten(rowCells[r], rowCoefficients[r], rowRhs[r], -1);
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    /** One pass of bound propagation over sign&middot;a'x &le; sign&middot;b. */
    private boolean tighten(int[] index, double[] coefficients, double rhs, double sign) {
        // minimum activity: sum of a_k * (lower if a_k > 0 else upper), counting infinite terms
        double b = sign * rhs;
        double finite = 0;
        int infinite = 0;
        for (int k = 0; k < index.length; k++) {
            double a = sign * coefficients[k];
            double bound = a > 0 ? lower[index[k]] : upper[index[k]];
            if (Double.isInfinite(bound)) {
                infinite++;
            } else {
                finite += a * bound;
            }
        }
        boolean changed = false;
        for (int k = 0; k < index.length; k++) {
            int j = index[k];
            if (!suppressed[j]) {
                continue;
            }
            double a = sign * coefficients[k];
            double own = a > 0 ? lower[j] : upper[j];
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
                rest = finite - a * own;
            }
            double bound = (b - rest) / a;
            double slack = INTEGER_TOLERANCE * Math.max(1, Math.abs(bound));
            if (a > 0 && bound < upper[j] - slack) {
                upper[j] = bound;
                changed = true;
            } else if (a < 0 && bound > lower[j] + slack) {
                lower[j] = bound;
                changed = true;
            }
        }
        return changed;
    }

    /**
     * The withheld cells joined to a cell by rows in which both are withheld, and the exact program over them; a row
     * in which no cell of the component is withheld does not constrain it.
     */
    private Component component(int cell) {
        if (componentOf == null) {
            componentOf = new int[size];
            Arrays.fill(componentOf, -1);
        }
        if (componentOf[cell] >= 0) {
            return components.get(componentOf[cell]);
        }
        int id = components.size();
        List<Integer> members = new ArrayList<>();
        Deque<Integer> pending = new ArrayDeque<>(List.of(cell));
        componentOf[cell] = id;
        stamp++;
        while (!pending.isEmpty()) {
            int c = pending.pop();
            members.add(c);
            for (int r : cellRows[c]) {
                if (rowStamp[r] == stamp) {
                    continue;
                }
                rowStamp[r] = stamp;
                for (int d : rowCells[r]) {
                    if (suppressed[d] && componentOf[d] < 0) {
                        componentOf[d] = id;
                        pending.push(d);
                    }
                }
            }
        }
        int[] cells = members.stream().mapToInt(Integer::intValue).sorted().toArray();
        Component component = new Component(cells);
        components.add(component);
        return component;
    }

    private LinearProgram program(Component component) {
        if (component.program != null) {
            return component.program;
        }
        component.program = program(component.cells);
        return component.program;
    }

    /**
     * The program over the given cells as variables (every row through them, in their local numbering
     * {@link #localOf}), the other cells of those rows held fixed: a published cell at its value, a withheld cell
     * outside the set at its reference value. A component holds every withheld cell of its rows, so its program fixes
     * published cells only; a neighbourhood program also fixes the withheld cells beyond the neighbourhood.
     */
    private LinearProgram program(int[] cells) {
        return program(cells, 0);
    }

    /** The same with further variables after the cells', in no row yet. */
    private LinearProgram program(int[] cells, int extra) {
        LinearProgram program = new LinearProgram(cells.length + extra);
        stamp++;
        for (int k = 0; k < cells.length; k++) {
            cellStamp[cells[k]] = stamp;
            localOf[cells[k]] = k;
        }
        int[] index = new int[cells.length];
        double[] a = new double[cells.length];
        for (int c : cells) {
            for (int r : cellRows[c]) {
                if (rowStamp[r] == stamp) {
                    continue;
                }
                rowStamp[r] = stamp;
                int n = 0;
                double b = rowRhs[r];
                int[] rc = rowCells[r];
                for (int k = 0; k < rc.length; k++) {
                    int d = rc[k];
                    double coefficient = rowCoefficients[r][k];
                    if (cellStamp[d] == stamp) {
                        index[n] = localOf[d];
                        a[n++] = coefficient;
                    } else {
                        b -= coefficient * (suppressed[d] ? reference[d] : constants[d]);
                    }
                }
                program.addSparseRow(Arrays.copyOf(index, n), Arrays.copyOf(a, n),
                        rowEquality[r] ? Relation.EQUAL : Relation.AT_MOST, b);
            }
        }
        return program;
    }

    /**
     * The feasible interval of a suppressed cell, {min, max}, with +&infin; when the maximum is unbounded; for integral
     * values tightened to integers, {ceil(min), floor(max)}: exact, from the cell's component program unless an
     * observed value meets a propagated bound.
     *
     * @throws IndicatorException if the published values admit no nonnegative table
     */
    double[] interval(int cell) {
        variable(cell);
        if (lower == null) {
            propagate();
        }
        double min;
        double max;
        try {
            if (seenMin[cell] <= Math.max(0, lower[cell]) + INTEGER_TOLERANCE * Math.max(1, lower[cell])) {
                min = Math.max(0, lower[cell]);
            } else {
                min = solve(cell, false);
            }
            if (seenMax[cell] >= upper[cell] - INTEGER_TOLERANCE * Math.max(1, upper[cell])) {
                max = upper[cell];
            } else {
                max = solve(cell, true);
            }
        } catch (LinearProgram.InfeasibleException e) {
            throw IndicatorException.of(IndicatorRule.INFEASIBLE,
                    "no feasible table");
        }
        return tighten(min, max);
    }

    private double solve(int cell, boolean maximise) {
        Component component = component(cell);
        LinearProgram program = program(component);
        int own = Arrays.binarySearch(component.cells, cell);
        double value = maximise ? program.maximum(own) : program.minimum(own);
        observeLocal(program, component.cells);
        return value;
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

    private void variable(int cell) {
        if (!suppressed[cell]) {
            throw new IllegalArgumentException("Cell is not suppressed: " + cell);
        }
    }
}
