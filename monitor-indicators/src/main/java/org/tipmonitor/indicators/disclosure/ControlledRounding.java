package org.tipmonitor.indicators.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.internal.LinearProgram;
import org.tipmonitor.indicators.internal.LinearProgram.Relation;
import org.tipmonitor.indicators.internal.ZeroOneProgram;
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
 * program is solved by the project's one LP engine ({@code LinearProgram}: GLOP, or ojAlgo's simplex where GLOP's native
 * library is absent); equal inputs give equal roundings.
 *
 * <p><b>Guarantee and audit.</b> Each true value lies in (r &minus; b, r + b), so in [max(0, r &minus; b + 1), r + b &minus; 1]
 * as an integer. An intruder who knows the published table, this rule and the line constraints can narrow a cell to
 * the LP bounds of the polytope those define; {@link #audit(ProtectedTable, long)} computes them for every cell and
 * margin and judges each width against a protection margin p. No width exceeds 2b &minus; 2, and a cell published as 0
 * has width at most b &minus; 1, so a margin p can only be met for every cell with b &ge; p + 1.
 *
 * <p><b>Linked sets.</b> {@link #round(LinkedTables)} rounds tables that share cells or margins jointly (a 0/1
 * program, since the linked system need not be totally unimodular) and {@link #audit(ProtectedLinkedTables, List,
 * long)} bounds every value of the set with the facts the publication states; its Javadoc gives the guarantee.
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
     * Rounds a count printed on its own beside tables published by this method (an isolated count: a share's
     * numerator or denominator, a count of the offender chain, an "unknown" count), so that it keeps the protection
     * margin as the rounded tables do. The count v becomes the nearest multiple of b, halves upwards
     * ({@link Rounding#nearest(long, long)}), except that a positive count is never printed as 0 (nor 0 itself when
     * zeros are sensitive): it becomes b. What a printed value r tells an intruder who knows this rule:
     * <ul>
     *   <li>r = 0: v = 0, printed only where zeros are not sensitive, as the threshold rule publishes them;</li>
     *   <li>r = b: v &isin; [1, b + &lceil;b/2&rceil; &minus; 1] ([0, &hellip;] with sensitive zeros);</li>
     *   <li>r = kb, k &ge; 2: v &isin; [kb &minus; &lfloor;b/2&rfloor;, kb + &lceil;b/2&rceil; &minus; 1].</li>
     * </ul>
     * Every interval but a published zero's is at least b &minus; 1 wide, so with b &ge; p + 1 every printed positive
     * count keeps the protection margin p. Nearest rounding alone would print 1 to &lceil;b/2&rceil; &minus; 1 as 0,
     * the interval [0, &lceil;b/2&rceil; &minus; 1], narrower than p.
     *
     * @param count          the count, &ge; 0
     * @param zerosSensitive whether zero counts are sensitive under the policy
     *                       ({@link DisclosurePolicy#isSensitive(long) isSensitive(0)})
     * @return the printed count, a multiple of b
     * @throws IndicatorException if the count is negative
     */
    public long roundIsolated(long count, boolean zerosSensitive) {
        long nearest = Rounding.nearest(count, base);
        return nearest == 0 && (count > 0 || zerosSensitive) ? base : nearest;
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

    /**
     * Rounds a set of linked tables jointly (Salazar-Gonz&aacute;lez 2005; Hundepool et al. 2012, section 5.4): every
     * cell, margin and total of every table becomes an adjacent multiple of b (multiples, and zeros, stay), every
     * additive table stays additive, a distinct-count (persons) table stays consistent (each rounded cell at most its
     * rounded margin, the margin at most the sum of its rounded cells), and every link holds exactly between the
     * rounded values, so a cell or margin two tables share is rounded to the same value in both. Among such roundings
     * the total absolute rounding distance is minimal.
     *
     * <p>A table that no link touches and that is additive of rank 1 or 2 is rounded as by {@link #round(CountTable)}
     * (its program is totally unimodular). The rest form one program over round-up indicators u &isin; {0, 1} (r = f +
     * b&middot;u as in the class description) with a row per line and per link: a linked system is in general not
     * totally unimodular (three tables sharing their year margins give each year margin three lines), so an LP
     * vertex may be fractional, and the program is solved as a 0/1 program (ojAlgo's branch and bound), per
     * connected group of cells. The true tables satisfy the LP relaxation, but a 0/1 solution need not exist: then
     * the rounding is refused, naming the tables of the group.
     *
     * @param set the tables and their links
     * @return the rounded tables (status {@link CellStatus#ROUNDED}, {@link ProtectedTable#controlledRoundingBase()}
     *         b) with the set's links; {@link ProtectedLinkedTables#protectionMargin()} is 0
     * @throws NullPointerException if set is null
     * @throws IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#ROUNDING_LINKED}) if no controlled
     *         rounding of a group of linked tables keeps every table additive (consistent) and every link exact
     */
    public ProtectedLinkedTables round(LinkedTables set) {
        Objects.requireNonNull(set, "set");
        Set<String> linked = new HashSet<>();
        for (LinkedTables.Link link : set.links()) {
            linked.add(link.total().table());
            link.parts().forEach(part -> linked.add(part.table()));
        }
        Map<String, ProtectedTable> result = new LinkedHashMap<>();
        Map<String, CountTable> joint = new LinkedHashMap<>();
        set.tables().forEach((name, table) -> {
            if (!linked.contains(name) && table.isAdditive() && table.rank() >= 1 && table.rank() <= 2) {
                result.put(name, round(table));
            } else {
                joint.put(name, table);
            }
        });
        if (!joint.isEmpty()) {
            Map<String, ExtendedIndex> indexes = new LinkedHashMap<>();
            joint.forEach((name, table) -> indexes.put(name, new ExtendedIndex(table.shape())));
            Layout layout = new Layout(indexes);
            long[] values = new long[layout.size()];
            joint.forEach((name, table) -> System.arraycopy(table.extendedCounts(), 0, values, layout.start(name),
                    indexes.get(name).size()));
            List<FeasibleIntervals.Row> rows = constraintRows(layout, joint.keySet(), indexes,
                    name -> joint.get(name).isAdditive());
            rows.addAll(layout.rows(set.links()));
            long[] rounded = roundJointly(layout, indexes, values, rows);
            for (Map.Entry<String, CountTable> e : joint.entrySet()) {
                CountTable table = e.getValue();
                int start = layout.start(e.getKey());
                long[] own = Arrays.copyOfRange(rounded, start, start + indexes.get(e.getKey()).size());
                long distance = 0;
                long[] truth = table.extendedCounts();
                for (int o = 0; o < own.length; o++) {
                    distance += Math.abs(own[o] - truth[o]);
                }
                CellStatus[] status = new CellStatus[own.length];
                Arrays.fill(status, CellStatus.ROUNDED);
                result.put(e.getKey(), new ProtectedTable(table, own, status, table.provenance()
                        .withDefinition("disclosure.method", "controlled-rounding-linked")
                        .withDefinition("disclosure.linkedTables", String.join(",", set.tables().keySet()))
                        .withDefinition("disclosure.roundingBase", Long.toString(base))
                        .withDefinition("disclosure.roundingObjective", "minimum total absolute distance")
                        .withDefinition("disclosure.roundingDistance", Long.toString(distance)), base));
            }
        }
        Map<String, ProtectedTable> ordered = new LinkedHashMap<>();
        set.tables().keySet().forEach(name -> ordered.put(name, result.get(name)));
        return new ProtectedLinkedTables(ordered, set.links(), 0);
    }

    /**
     * The line constraints of the tables in global addresses: an additive table's margin equals the sum of its
     * children; a distinct-count table's margin lies between its largest child and the sum of its children.
     */
    private static List<FeasibleIntervals.Row> constraintRows(Layout layout, Collection<String> names,
            Map<String, ExtendedIndex> indexes, java.util.function.Predicate<String> additive) {
        List<FeasibleIntervals.Row> rows = new ArrayList<>();
        for (String name : names) {
            int start = layout.start(name);
            boolean sums = additive.test(name);
            for (ExtendedIndex.Line line : indexes.get(name).lines()) {
                int[] children = line.children();
                int[] cells = new int[children.length + 1];
                double[] a = new double[children.length + 1];
                for (int k = 0; k < children.length; k++) {
                    cells[k] = start + children[k];
                    a[k] = sums ? 1 : -1;
                }
                cells[children.length] = start + line.margin();
                a[children.length] = sums ? -1 : 1;
                // additive: sum - margin = 0; distinct: margin - sum <= 0 and child - margin <= 0
                rows.add(new FeasibleIntervals.Row(cells, a, sums ? Relation.EQUAL : Relation.AT_MOST, 0));
                if (!sums) {
                    for (int child : children) {
                        rows.add(new FeasibleIntervals.Row(new int[] {start + child, start + line.margin()},
                                new double[] {1, -1}, Relation.AT_MOST, 0));
                    }
                }
            }
        }
        return rows;
    }

    /** The cells each row connects, grouped: for each cell, the representative of its group. */
    private static int[] groups(int size, List<FeasibleIntervals.Row> rows) {
        int[] parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
        for (FeasibleIntervals.Row row : rows) {
            for (int k = 1; k < row.cells().length; k++) {
                int a = find(parent, row.cells()[0]);
                int b = find(parent, row.cells()[k]);
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        for (int i = 0; i < size; i++) {
            parent[i] = find(parent, i);
        }
        return parent;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The rows of each group, by the group's representative, in the order of the rows. */
    private static Map<Integer, List<FeasibleIntervals.Row>> rowsByGroup(int[] group,
            List<FeasibleIntervals.Row> rows) {
        Map<Integer, List<FeasibleIntervals.Row>> byGroup = new LinkedHashMap<>();
        for (FeasibleIntervals.Row row : rows) {
            byGroup.computeIfAbsent(group[row.cells()[0]], g -> new ArrayList<>()).add(row);
        }
        return byGroup;
    }

    /** An optimal joint rounding of the cells (global addresses) under the rows, group by group. */
    private long[] roundJointly(Layout layout, Map<String, ExtendedIndex> indexes, long[] values,
            List<FeasibleIntervals.Row> rows) {
        int size = values.length;
        long[] rounded = new long[size];
        for (int o = 0; o < size; o++) {
            rounded[o] = Math.multiplyExact(values[o] / base, base);
        }
        int[] group = groups(size, rows);
        for (Map.Entry<Integer, List<FeasibleIntervals.Row>> g : rowsByGroup(group, rows).entrySet()) {
            // the group's cells that are not multiples of b get a round-up indicator
            int[] variable = new int[size];
            Arrays.fill(variable, -1);
            List<Integer> cells = new ArrayList<>();
            for (int o = 0; o < size; o++) {
                if (group[o] == g.getKey() && values[o] % base != 0) {
                    variable[o] = cells.size();
                    cells.add(o);
                }
            }
            ZeroOneProgram program = new ZeroOneProgram(cells.size());
            boolean feasible = true;
            for (FeasibleIntervals.Row row : g.getValue()) {
                // sum a (f + b u) (rel) rhs  <=>  sum a u (rel) (rhs - sum a f) / b
                double rhs = row.rhs();
                List<Integer> vars = new ArrayList<>();
                List<Double> coefficients = new ArrayList<>();
                for (int k = 0; k < row.cells().length; k++) {
                    int o = row.cells()[k];
                    rhs -= row.coefficients()[k] * rounded[o];
                    if (variable[o] >= 0) {
                        vars.add(variable[o]);
                        coefficients.add(row.coefficients()[k]);
                    }
                }
                rhs /= base;
                if (vars.isEmpty()) {
                    feasible &= holds(row.relation(), rhs);
                } else {
                    program.addSparseRow(vars.stream().mapToInt(Integer::intValue).toArray(),
                            coefficients.stream().mapToDouble(Double::doubleValue).toArray(), row.relation(), rhs);
                }
            }
            double[] objective = new double[cells.size()];
            for (int k = 0; k < cells.size(); k++) {
                objective[k] = base - 2.0 * (values[cells.get(k)] % base);
            }
            Optional<boolean[]> u = feasible ? program.minimum(objective) : Optional.empty();
            if (u.isEmpty()) {
                Set<String> tables = new TreeSet<>();
                for (String name : indexes.keySet()) {
                    int start = layout.start(name);
                    for (int o = start; o < start + indexes.get(name).size(); o++) {
                        if (group[o] == g.getKey()) {
                            tables.add(name);
                            break;
                        }
                    }
                }
                throw IndicatorException.of(IndicatorRule.ROUNDING_LINKED, base, tables, "no 0/1 rounding of their "
                        + cells.size() + " values that are not multiples of the base satisfies their "
                        + g.getValue().size() + " lines and links");
            }
            for (int k = 0; k < cells.size(); k++) {
                if (u.get()[k]) {
                    rounded[cells.get(k)] = Math.addExact(rounded[cells.get(k)], base);
                }
            }
        }
        return rounded;
    }

    /** Whether 0 (relation) rhs holds for a row without variables. */
    private static boolean holds(Relation relation, double rhs) {
        return switch (relation) {
            case EQUAL -> Math.abs(rhs) <= INTEGRALITY_TOLERANCE;
            case AT_MOST -> rhs >= -INTEGRALITY_TOLERANCE;
            case AT_LEAST -> rhs <= INTEGRALITY_TOLERANCE;
        };
    }

    /**
     * Audits a linked set published by {@link #round(LinkedTables)} together with the facts the publication states
     * about true values of its cells: for every cell, margin and total of every table, the smallest and largest true
     * value an intruder can infer from every published rounded value, the rounding rule (each true value v &ge; 0
     * within b &minus; 1 of its published r, so v &isin; [max(0, r &minus; b + 1), r + b &minus; 1]), every table's line
     * constraints (additive, or for a distinct-count table c<sub>j</sub> &le; m &le; &Sigma;c<sub>j</sub>), every link and
     * every fact. Each bound is the optimum of a linear program over the connected group of cells (the project's
     * {@code LinearProgram}), tightened to integers, [&lceil;min&rceil;, &lfloor;max&rfloor;]; a bound that the
     * published tables or an earlier optimum already attain at the value's box limit needs no program of its own. A
     * value is exposed if the width is below the margin p. The LP bounds contain the integer ones; they are exact where
     * the program is totally unimodular (a single two-way table), a relaxation otherwise (as {@link DisclosureAudit}'s
     * for three-way tables).
     *
     * <p><b>Guarantee.</b> A value published as 0 has width at most b &minus; 1, so a margin p can only be met with
     * b &ge; p + 1. Conversely, for tables of rank 1 or 2 linked by shared margins and cells (one-part links, such as
     * {@link LinkedTables#withSharedDimension}) and no facts, b &ge; p + 1 suffices: every value reaches both ends of
     * its box, since from the published tables (a feasible point) a cell can move by any &delta; with |&delta;| &le; b
     * &minus; 1 together with one margin per line through it, the total, and the same chain in every table sharing one
     * of those margins, each of which moves by &delta; inside its own box (a published margin of at least b has a child
     * published at least b, so a decrease stays nonnegative). A width is then 2b &minus; 2 for a value published at
     * least b and b &minus; 1 for one published 0. Facts (a stated total, an inequality) may narrow values further,
     * which is what this audit measures.
     *
     * @param set    a set published by {@link #round(LinkedTables)} with this method's base
     * @param facts  what the publication states about the true values besides the tables; may be empty
     * @param margin the protection margin p &ge; 1
     * @return one report per table, each with an interval for every value (status {@link CellStatus#ROUNDED})
     * @throws NullPointerException if an argument is null
     * @throws IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#MARGIN_BELOW_ONE}) if p &lt; 1;
     *         ({@link org.tipmonitor.indicators.IndicatorRule#ROUNDING_TABLE}) if a table was not controlled-rounded
     *         to base b; ({@link org.tipmonitor.indicators.IndicatorRule#UNKNOWN_TABLE}) if a fact names a cell
     *         outside the set; ({@link org.tipmonitor.indicators.IndicatorRule#INCONSISTENT}) if the published values,
     *         links and facts admit no table
     */
    public LinkedAuditReport audit(ProtectedLinkedTables set, List<StatedFact> facts, long margin) {
        Objects.requireNonNull(set, "set");
        List<StatedFact> stated = List.copyOf(facts);
        if (margin < 1) {
            throw IndicatorException.of(IndicatorRule.MARGIN_BELOW_ONE, margin);
        }
        Map<String, ExtendedIndex> indexes = new LinkedHashMap<>();
        set.tables().forEach((name, table) -> {
            if (table.controlledRoundingBase().orElse(0) != base) {
                throw IndicatorException.of(IndicatorRule.ROUNDING_TABLE, "table '" + name
                        + "' is not controlled-rounded to base " + base);
            }
            indexes.put(name, table.index());
        });
        Layout layout = new Layout(indexes);
        int size = layout.size();
        long[] published = new long[size];
        long[] lower = new long[size];
        long[] upper = new long[size];
        set.tables().forEach((name, table) -> System.arraycopy(table.publishedValues(), 0, published,
                layout.start(name), table.index().size()));
        for (int o = 0; o < size; o++) {
            lower[o] = Math.max(0, published[o] - base + 1);
            upper[o] = published[o] + base - 1;
        }
        List<FeasibleIntervals.Row> rows = constraintRows(layout, set.tables().keySet(), indexes,
                name -> set.tables().get(name).isAdditive());
        rows.addAll(layout.rows(set.links()));
        rows.addAll(layout.factRows(stated));
        int[] group = groups(size, rows);
        Map<Integer, List<FeasibleIntervals.Row>> byGroup = rowsByGroup(group, rows);
        long[] lo = new long[size];
        long[] hi = new long[size];
        boolean[] done = new boolean[size];
        for (int o = 0; o < size; o++) {
            if (done[o]) {
                continue;
            }
            List<Integer> cells = new ArrayList<>();
            for (int c = o; c < size; c++) {
                if (group[c] == group[o]) {
                    cells.add(c);
                    done[c] = true;
                }
            }
            boundGroup(cells, byGroup.getOrDefault(group[o], List.of()), published, lower, upper, lo, hi);
        }
        Map<String, AuditReport> reports = new LinkedHashMap<>();
        set.tables().forEach((name, table) -> {
            int start = layout.start(name);
            List<CellInterval> intervals = new ArrayList<>();
            for (int o = 0; o < table.index().size(); o++) {
                intervals.add(new CellInterval(Arrays.stream(table.index().coords(o)).boxed().toList(),
                        CellStatus.ROUNDED, lo[start + o], hi[start + o], hi[start + o] - lo[start + o] < margin));
            }
            reports.put(name, new AuditReport(intervals, margin, Provenance.of("lp-controlled-rounding-audit")
                    .withDefinition("protectionMargin", Long.toString(margin))
                    .withDefinition("roundingBase", Long.toString(base))
                    .withDefinition("linkedTables", String.join(",", set.tables().keySet()))
                    .withDefinition("facts", Integer.toString(stated.size()))));
        });
        return new LinkedAuditReport(reports, stated.stream().map(StatedFact::description).toList(), margin);
    }

    /** The integer LP bounds of every cell of one group, into lo and hi. */
    private static void boundGroup(List<Integer> cells, List<FeasibleIntervals.Row> rows, long[] published,
            long[] lower, long[] upper, long[] lo, long[] hi) {
        int n = cells.size();
        Map<Integer, Integer> local = new HashMap<>();
        for (int k = 0; k < n; k++) {
            local.put(cells.get(k), k);
        }
        // y = x - lower, 0 <= y <= upper - lower
        LinearProgram program = new LinearProgram(n);
        double[] seenMin = new double[n];
        double[] seenMax = new double[n];
        for (int k = 0; k < n; k++) {
            int o = cells.get(k);
            program.addSparseRow(new int[] {k}, new double[] {1}, Relation.AT_MOST, upper[o] - lower[o]);
            seenMin[k] = published[o] - lower[o];
            seenMax[k] = seenMin[k];
        }
        boolean publishedFeasible = true;
        for (FeasibleIntervals.Row row : rows) {
            int[] index = new int[row.cells().length];
            double rhs = row.rhs();
            double atPublished = 0;
            for (int k = 0; k < index.length; k++) {
                index[k] = local.get(row.cells()[k]);
                rhs -= row.coefficients()[k] * lower[row.cells()[k]];
                atPublished += row.coefficients()[k] * published[row.cells()[k]];
            }
            publishedFeasible &= satisfied(row.relation(), atPublished, row.rhs());
            program.addSparseRow(index, row.coefficients(), row.relation(), rhs);
        }
        if (!publishedFeasible) {
            // the published tables are no evidence when a fact excludes them
            for (int k = 0; k < n; k++) {
                seenMin[k] = Double.POSITIVE_INFINITY;
                seenMax[k] = Double.NEGATIVE_INFINITY;
            }
        }
        try {
            for (int k = 0; k < n; k++) {
                int o = cells.get(k);
                double width = upper[o] - lower[o];
                double min = seenMin[k] <= INTEGRALITY_TOLERANCE ? 0 : solved(program.minimum(k), program, seenMin,
                        seenMax);
                double max = seenMax[k] >= width - INTEGRALITY_TOLERANCE ? width : solved(program.maximum(k),
                        program, seenMin, seenMax);
                lo[o] = lower[o] + (long) Math.ceil(min - INTEGRALITY_TOLERANCE);
                hi[o] = lower[o] + (long) Math.floor(max + INTEGRALITY_TOLERANCE);
            }
        } catch (LinearProgram.InfeasibleException e) {
            throw IndicatorException.of(IndicatorRule.INCONSISTENT, "published rounded values, links and facts");
        }
    }

    private static boolean satisfied(Relation relation, double lhs, double rhs) {
        return switch (relation) {
            case EQUAL -> Math.abs(lhs - rhs) <= INTEGRALITY_TOLERANCE;
            case AT_MOST -> lhs <= rhs + INTEGRALITY_TOLERANCE;
            case AT_LEAST -> lhs >= rhs - INTEGRALITY_TOLERANCE;
        };
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
