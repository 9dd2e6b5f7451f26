package org.tipmonitor.indicators.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.MagnitudeTable;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

/**
 * Proves, for a protected table, that no withheld cell can be derived from the published ones (Hundepool et al.,
 * <i>Statistical Disclosure Control</i>, Wiley 2012, section 4.3.1 and 5.3: the "audit" of a suppression pattern).
 *
 * <p>For every withheld cell s the audit solves two linear programs (GLOP's simplex, see {@code FeasibleIntervals}):
 * <pre>
 *   min / max  x_s
 *   subject to x_c = published value        for every published cell c (a constant, not a variable)
 *              m = &Sigma;_j x_j                   for every line (margin m and its cells along one dimension)
 *                                                   of an additive table,
 *              x_j &le; m &le; &Sigma;_j x_j          for every line of a distinct-count (persons) table,
 *              x &ge; 0,
 * </pre>
 * and tightens the bounds to integers, [&lceil;min&rceil;, &lfloor;max&rfloor;]. The cell is <b>exposed</b> if
 * &lfloor;max&rfloor; &minus; &lceil;min&rceil; &lt; p for the protection margin p; with the default p = 1 exactly the
 * cells that the published values determine (min = max) are exposed. A table passes if no cell is exposed.
 *
 * <p>Limits: the LP relaxation gives intervals that contain the integer ones. For two-way additive tables the line
 * constraints are totally unimodular, so their LP vertices are integer and the bounds are exact; for three-way tables
 * the integer bounds can be narrower than the LP bounds (Hundepool et al. 2012, section 4.3.1), so the audit is
 * exact for 1- and 2-way tables and a relaxation for 3-way ones. It audits single cells, not sums of withheld cells.
 * Rounded tables withhold nothing and pass trivially.
 */
public final class DisclosureAudit {

    private static final DisclosureAudit DEFAULTS = new DisclosureAudit(1);

    private final long protectionMargin;

    private DisclosureAudit(long protectionMargin) {
        this.protectionMargin = protectionMargin;
    }

    /**
     * The default audit: a withheld cell is exposed only if it is determined exactly (p = 1).
     *
     * @return the audit
     */
    public static DisclosureAudit withDefaults() {
        return DEFAULTS;
    }

    /**
     * The audit a policy promises: the policy's protection margin ({@link DisclosurePolicy#protectionMargin()}), so
     * that a withheld cell whose interval is narrower than the margin is exposed, not only one determined exactly.
     *
     * @param policy the policy the tables were protected with
     * @return the audit
     * @throws NullPointerException if policy is null
     */
    public static DisclosureAudit of(DisclosurePolicy policy) {
        return new DisclosureAudit(Objects.requireNonNull(policy, "policy").protectionMargin());
    }

    /**
     * Returns an audit with protection margin p.
     *
     * @param margin p &ge; 1
     * @return the audit
     * @throws IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#MARGIN_BELOW_ONE}) if p &lt; 1
     */
    public DisclosureAudit withProtectionMargin(long margin) {
        if (margin < 1) {
            throw IndicatorException.of(IndicatorRule.MARGIN_BELOW_ONE, margin);
        }
        return new DisclosureAudit(margin);
    }

    /**
     * The protection margin p.
     *
     * @return p
     */
    public long protectionMargin() {
        return protectionMargin;
    }

    /**
     * Audits a protected table. For a table published by {@link ControlledRounding}, which withholds nothing, the
     * report holds instead the intruder's interval of every cell and margin, judged against this audit's margin (see
     * {@link ControlledRounding#audit(ProtectedTable, long)}).
     *
     * @param table the table
     * @return the feasible interval of every withheld cell (of every value of a controlled-rounded table)
     * @throws NullPointerException if table is null
     * @throws IndicatorException if the published values admit no nonnegative table (not possible for a table
     *         produced by {@link DisclosurePolicy})
     */
    public AuditReport audit(ProtectedTable table) {
        Objects.requireNonNull(table, "table");
        if (table.controlledRoundingBase().isPresent()) {
            return ControlledRounding.withBase(table.controlledRoundingBase().getAsLong())
                    .audit(table, protectionMargin);
        }
        CellStatus[] status = table.statuses();
        boolean[] suppressed = new boolean[status.length];
        for (int i = 0; i < status.length; i++) {
            suppressed[i] = status[i].isSuppressed();
        }
        List<CellInterval> intervals = new ArrayList<>();
        FeasibleIntervals lp = null;
        for (int o = 0; o < status.length; o++) {
            if (suppressed[o]) {
                if (lp == null) {
                    lp = new FeasibleIntervals(table.index(), table.isAdditive(), table.publishedValues(), suppressed);
                }
                double[] bounds = lp.interval(o);
                intervals.add(new CellInterval(Arrays.stream(table.index().coords(o)).boxed().toList(), status[o],
                        bounds[0], bounds[1], isExposed(bounds, protectionMargin)));
            }
        }
        return new AuditReport(intervals, protectionMargin, Provenance.of("lp-interval-audit")
                .withDefinition("protectionMargin", Long.toString(protectionMargin))
                .withDefinition("constraints", table.isAdditive() ? "additive" : "distinct-count"));
    }

    /**
     * Audits a suppression pattern made elsewhere (by hand, by another tool, or by a baseline heuristic) on a count
     * table: the listed cells are withheld and every other cell is published with its true count, and the pattern is
     * audited as a {@link ProtectedTable} would be. The audit needs the source table only to know the published
     * values.
     *
     * @param table    the internal table
     * @param withheld the coordinates of the withheld cells and margins ({@link CountTable#ALL} for a margin)
     * @return the feasible interval of every withheld cell
     * @throws NullPointerException if an argument is null
     * @throws IndicatorException if a coordinate does not fit the table
     */
    public AuditReport audit(CountTable table, Collection<List<Integer>> withheld) {
        Objects.requireNonNull(table, "table");
        ExtendedIndex index = new ExtendedIndex(table.shape());
        long[] values = table.extendedCounts();
        CellStatus[] status = new CellStatus[values.length];
        Arrays.fill(status, CellStatus.PUBLISHED);
        for (List<Integer> cell : withheld) {
            int o = index.offset(cell.stream().mapToInt(Integer::intValue).toArray());
            status[o] = CellStatus.SECONDARY;
        }
        return audit(new ProtectedTable(table, values, status, table.provenance()
                .withDefinition("disclosure.method", "given-pattern")));
    }

    /**
     * Audits suppression patterns made elsewhere (by hand, by another tool, or by a baseline heuristic) on a linked
     * set: in each table the listed cells are withheld and every other cell is published with its true count, and the
     * set is audited as {@link #audit(ProtectedLinkedTables, List)} audits a protected one (every table, link and fact
     * together; exact intervals). A table the map does not name withholds nothing. The source tables are needed only
     * to know the published values.
     *
     * @param source   the tables and their links
     * @param withheld per table name, the coordinates of its withheld cells and margins ({@link CountTable#ALL} for a
     *                 margin)
     * @param facts    what the publication states besides the tables; may be empty
     * @return one report per table
     * @throws NullPointerException if an argument is null
     * @throws IndicatorException ({@link IndicatorRule#UNKNOWN_TABLE}) if the map or a fact names a table outside the
     *         set; if a coordinate does not fit its table; ({@link IndicatorRule#INCONSISTENT}) if the facts are not
     *         true of the published values
     */
    public LinkedAuditReport audit(LinkedTables source, Map<String, ? extends Collection<List<Integer>>> withheld,
            List<StatedFact> facts) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(facts, "facts");
        for (String name : Objects.requireNonNull(withheld, "withheld").keySet()) {
            if (!source.tables().containsKey(name)) {
                throw IndicatorException.of(IndicatorRule.UNKNOWN_TABLE, "Suppression pattern", name);
            }
        }
        Map<String, ProtectedTable> tables = new LinkedHashMap<>();
        for (Map.Entry<String, CountTable> e : source.tables().entrySet()) {
            CountTable table = e.getValue();
            ExtendedIndex index = new ExtendedIndex(table.shape());
            long[] values = table.extendedCounts();
            CellStatus[] status = new CellStatus[values.length];
            Arrays.fill(status, CellStatus.PUBLISHED);
            Collection<List<Integer>> cells = withheld.get(e.getKey());
            for (List<Integer> cell : cells == null ? List.<List<Integer>>of() : cells) {
                status[index.offset(cell.stream().mapToInt(Integer::intValue).toArray())] = CellStatus.SECONDARY;
            }
            tables.put(e.getKey(), new ProtectedTable(table, values, status, table.provenance()
                    .withDefinition("disclosure.method", "given-pattern")));
        }
        return audit(new ProtectedLinkedTables(tables, source.links(), protectionMargin), facts);
    }

    /**
     * Audits a set of linked tables together with the facts the publication states about their cells: for every
     * withheld cell of every table the two linear programs above, over one program that holds every table's
     * published cells and line constraints, every link of the set, and every fact (Hundepool et al. 2012, section
     * 4.4.4: linked tables are audited jointly). The cell is exposed if its integer width is below this audit's
     * margin. A set published by controlled rounding is audited by
     * {@link ControlledRounding#audit(ProtectedLinkedTables, List, long)} with this audit's margin (every value, from
     * the rounded values, the rounding rule, the links and the facts). A set rounded by {@link Rounding} withholds
     * nothing and passes trivially, as a rounded table does; its rounded values need not satisfy the links or the
     * facts, which are then not checked.
     *
     * @param set   the protected tables and their links
     * @param facts what the publication states besides the tables (totals, shares, decompositions); may be empty
     * @return one report per table
     * @throws NullPointerException if an argument is null
     * @throws IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#UNKNOWN_TABLE}) if a fact names a cell outside the set;
     *         ({@link org.tipmonitor.indicators.IndicatorRule#INCONSISTENT}) if the published values and facts admit no nonnegative table
     */
    public LinkedAuditReport audit(ProtectedLinkedTables set, List<StatedFact> facts) {
        return audit(Objects.requireNonNull(set, "set"), facts, (List<long[]>) null);
    }

    private LinkedAuditReport audit(ProtectedLinkedTables set, List<StatedFact> facts, List<long[]> truth) {
        List<StatedFact> stated = List.copyOf(facts);
        OptionalLong base = set.tables().isEmpty() ? OptionalLong.empty()
                : set.tables().values().iterator().next().controlledRoundingBase();
        if (base.isPresent()) {
            // a controlled-rounded set is audited by its own rule: every value, from the rounded values and the facts
            return ControlledRounding.withBase(base.getAsLong()).audit(set, stated, protectionMargin);
        }
        if (set.tables().values().stream().anyMatch(ProtectedTable::isRounded)) {
            // rounded tables withhold nothing; their rounded values need not satisfy the links or the facts
            Map<String, AuditReport> trivial = new LinkedHashMap<>();
            set.tables().keySet().forEach(name -> trivial.put(name, new AuditReport(List.of(), protectionMargin,
                    Provenance.of("lp-interval-audit").withDefinition("rounded", "true"))));
            return new LinkedAuditReport(trivial, stated.stream().map(StatedFact::description).toList(),
                    protectionMargin);
        }
        Map<String, ExtendedIndex> indexes = new LinkedHashMap<>();
        List<FeasibleIntervals.Block> blocks = new ArrayList<>();
        boolean any = false;
        for (Map.Entry<String, ProtectedTable> e : set.tables().entrySet()) {
            ProtectedTable table = e.getValue();
            indexes.put(e.getKey(), table.index());
            CellStatus[] status = table.statuses();
            boolean[] suppressed = new boolean[status.length];
            for (int i = 0; i < status.length; i++) {
                suppressed[i] = status[i].isSuppressed();
                any |= suppressed[i];
            }
            blocks.add(new FeasibleIntervals.Block(table.index(), table.isAdditive(),
                    Arrays.stream(table.publishedValues()).asDoubleStream().toArray(), suppressed));
        }
        Layout layout = new Layout(indexes);
        List<FeasibleIntervals.Row> rows = new ArrayList<>(layout.rows(set.links()));
        rows.addAll(layout.factRows(stated));
        Map<String, AuditReport> reports = new LinkedHashMap<>();
        FeasibleIntervals lp;
        try {
            lp = any || !rows.isEmpty() ? new FeasibleIntervals(blocks, rows, true) : null;
        } catch (IndicatorException e) {
            throw IndicatorException.of(IndicatorRule.INCONSISTENT, e.getMessage());
        }
        if (truth != null && lp != null) {
            double[] reference = truth.stream().flatMapToLong(Arrays::stream).asDoubleStream().toArray();
            if (!lp.reference(reference)) {
                throw IndicatorException.of(IndicatorRule.INCONSISTENT, "source tables " + set.tables().keySet()
                        + " do not satisfy the published values, links and " + stated.size() + " facts");
            }
            double[] widths = new double[reference.length];
            Arrays.fill(widths, protectionMargin);
            lp.requireWidths(widths);
        }
        for (Map.Entry<String, ProtectedTable> e : set.tables().entrySet()) {
            ProtectedTable table = e.getValue();
            int start = layout.start(e.getKey());
            CellStatus[] status = table.statuses();
            List<CellInterval> intervals = new ArrayList<>();
            for (int o = 0; o < status.length; o++) {
                if (status[o].isSuppressed()) {
                    List<Integer> coords = Arrays.stream(table.index().coords(o)).boxed().toList();
                    FeasibleIntervals.Verdict verdict = truth == null ? FeasibleIntervals.Verdict.OPEN
                            : lp.cheapVerdict(start + o, protectionMargin, false, false);
                    if (verdict == FeasibleIntervals.Verdict.OPEN && truth != null) {
                        verdict = lp.cheapVerdict(start + o, protectionMargin, true, false);
                    }
                    if (verdict == FeasibleIntervals.Verdict.PROTECTED) {
                        double[] inner = lp.observed(start + o);
                        intervals.add(new CellInterval(coords, status[o], inner[0], inner[1], false,
                                lp.observedIsExact(start + o)));
                        continue;
                    }
                    double[] bounds;
                    try {
                        bounds = lp.interval(start + o);
                    } catch (IndicatorException ex) {
                        throw IndicatorException.of(IndicatorRule.INCONSISTENT, "tables " + set.tables().keySet() + " with "
                                + stated.size() + " facts");
                    }
                    intervals.add(new CellInterval(coords, status[o], bounds[0], bounds[1],
                            isExposed(bounds, protectionMargin)));
                }
            }
            reports.put(e.getKey(), new AuditReport(intervals, protectionMargin, Provenance.of("lp-interval-audit")
                    .withDefinition("protectionMargin", Long.toString(protectionMargin))
                    .withDefinition("linkedTables", String.join(",", set.tables().keySet()))
                    .withDefinition("facts", Integer.toString(stated.size()))));
        }
        return new LinkedAuditReport(reports, stated.stream().map(StatedFact::description).toList(),
                protectionMargin);
    }

    /**
     * The publisher's audit of a linked set, which knows the source tables: the same verdicts as
     * {@link #audit(ProtectedLinkedTables, List)} (a withheld cell is exposed exactly when its LP interval over every
     * table, link and fact is narrower than the margin), found much faster on large sets. The true tables are a
     * feasible point of the intruder's program; from them, the audit proves most cells protected by exhibiting feasible
     * tables in which the cell spans the margin (the optima of joint programs that push every open cell of a large
     * block towards the value that proves it, and of small programs over a neighbourhood of the cell with every other
     * withheld cell held at its true value), proves exposure by propagated bounds (Andersen &amp; Andersen,
     * <i>Mathematical Programming</i> 71, 1995), and solves the exact program, over the cell's independent block of
     * withheld cells only, for a cell that neither decides. A protected cell's interval may then be an inner one
     * ({@link CellInterval#exact()} false): the intruder's interval contains it. Nothing about the withheld values
     * leaves the audit but these intervals, which the intruder can compute too.
     *
     * @param set    the protected tables and their links
     * @param facts  what the publication states besides the tables; may be empty
     * @param source the tables the set was made from, with the same names, shapes and links
     * @return one report per table
     * @throws NullPointerException if an argument is null
     * @throws IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#UNKNOWN_TABLE}) if a fact names a cell outside the set, or the
     *         source's tables differ from the set's (named); ({@link org.tipmonitor.indicators.IndicatorRule#INCONSISTENT}) if the source does not
     *         satisfy the published values, links and facts, or they admit no nonnegative table
     */
    public LinkedAuditReport audit(ProtectedLinkedTables set, List<StatedFact> facts, LinkedTables source) {
        Objects.requireNonNull(source, "source");
        return audit(set, facts, Objects.requireNonNull(set, "set").tables().keySet().stream().map(name -> {
            CountTable table = source.tables().get(name);
            if (table == null || !table.dimensions().equals(set.tables().get(name).dimensions())) {
                throw IndicatorException.of(IndicatorRule.UNKNOWN_TABLE, "Source of the audit", name);
            }
            return table.extendedCounts();
        }).toList());
    }

    /**
     * Audits a protected magnitude table against its source: each withheld cell with sum v is exposed if its feasible
     * interval (over real values; no integer tightening) is a point or narrower than q&middot;v.
     *
     * @param table  the protected table
     * @param source the magnitude table it was made from (the audit is internal: it needs the withheld sums)
     * @param q      the relative protection, &ge; 0 (0: exposed only if determined exactly)
     * @return the feasible interval of every withheld cell
     * @throws NullPointerException if a table is null
     * @throws IndicatorException if q is negative or not finite
     */
    public AuditReport audit(ProtectedMagnitudeTable table, MagnitudeTable source, double q) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(source, "source");
        if (!(q >= 0 && Double.isFinite(q))) {
            throw IndicatorException.of(IndicatorRule.MAGNITUDE_PROTECTION, q);
        }
        CellStatus[] status = table.statuses();
        boolean[] suppressed = new boolean[status.length];
        for (int i = 0; i < status.length; i++) {
            suppressed[i] = status[i].isSuppressed();
        }
        double[] truth = source.extendedSums();
        List<CellInterval> intervals = new ArrayList<>();
        FeasibleIntervals lp = new FeasibleIntervals(table.index(), true, table.publishedValues(), suppressed, false);
        for (int o = 0; o < status.length; o++) {
            if (suppressed[o]) {
                double[] bounds = lp.interval(o);
                intervals.add(new CellInterval(Arrays.stream(table.index().coords(o)).boxed().toList(), status[o],
                        bounds[0], bounds[1], isExposed(bounds, q * truth[o])));
            }
        }
        return new AuditReport(intervals, 0, Provenance.of("lp-interval-audit")
                .withDefinition("magnitudeProtection", Double.toString(q))
                .withDefinition("constraints", "additive"));
    }

    /** Exposed: the interval is a point, or narrower than the required width. */
    static boolean isExposed(double[] interval, double required) {
        double width = interval[1] - interval[0];
        return width <= 0 || width < required;
    }

    @Override
    public String toString() {
        return "DisclosureAudit[protectionMargin=" + protectionMargin + "]";
    }
}
