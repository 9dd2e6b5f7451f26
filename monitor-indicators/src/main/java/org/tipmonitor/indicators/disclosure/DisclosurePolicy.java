package org.tipmonitor.indicators.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.tables.CountTable;
import org.tipmonitor.indicators.tables.MagnitudeTable;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

/**
 * Statistical disclosure control for a published count table of rank 1, 2 or 3 (any rank works) with its margins
 * and total: either cell suppression (primary and secondary) or rounding. Immutable and thread-safe.
 *
 * <p><b>Primary suppression</b> (threshold rule, Hundepool et al. 2012, section 5.2): a cell or margin with count c is
 * sensitive if 0 &lt; c &lt; t, with threshold t = 10 by default; with {@link #withZerosSensitive(boolean)} zeros are
 * sensitive too (a zero can disclose that nobody in a group has an attribute). For magnitude tables the
 * {@link DominanceRule} decides sensitivity per cell.
 *
 * <p><b>Secondary suppression</b>: an intruder who knows the published cells, the line constraints of the table
 * (every margin is the sum of its cells along each dimension; for distinct-person tables c<sub>j</sub> &le; m &le;
 * &Sigma;c<sub>j</sub>) and that counts are nonnegative integers, can bound each withheld cell by linear programming
 * (Hundepool et al. 2012, section 5.3, "audit"). A withheld cell is <i>protected</i> if the integer width
 * &lfloor;max&rfloor; &minus; &lceil;min&rceil; of its feasible interval is at least the protection margin p (default p = t,
 * so an intruder's interval for a small cell spans at least as many values as the range of small counts); it is
 * <i>exposed</i> otherwise, and in particular if it is determined exactly. Secondary suppression is greedy and
 * audit-driven: while some withheld cell is exposed, withhold the published corners of the cheapest hypercube through
 * it that protects it (hypercube method, Hundepool et al. 2012, section 4.4.2; the widest hypercube if none does);
 * for a withheld margin, or when no hypercube adds a cell, withhold one more published cell on a line through it,
 * preferring interior cells over margins, then positive over zero counts, then the smallest count, and fall back to
 * any published cell. Withholding a cell only widens every feasible interval, so each withheld cell is checked until it
 * is protected and the loop ends with every withheld cell protected. A clean-up pass then tries the secondary cells
 * again, the largest count first, and publishes each one whose return leaves every withheld cell protected (for
 * patterns of at most {@value #DEFAULT_CLEAN_UP_LIMIT} withheld cells by default, {@link #withCleanUpLimit(int)}), so
 * that no single secondary cell, and in particular no
 * cell of a wholly withheld year, is withheld needlessly. The pattern is not minimal in size (optimal cell suppression
 * is NP-hard; Hundepool et al. 2012, section 5.3.2), but it passes {@link DisclosureAudit} with the same margin by
 * construction. Each check is exact (see {@code FeasibleIntervals}: observed feasible tables, joint proofs and local
 * programs around the true table and propagated bounds decide most cells, the exact program of the cell's block the
 * rest).
 *
 * <p><b>Rounding</b> ({@link #withRounding(Rounding)}): every cell and margin is rounded on its own to a multiple of
 * the base; nothing is withheld. <b>Controlled rounding</b> ({@link #withControlledRounding(long)},
 * {@link ControlledRounding}): every value becomes an adjacent multiple of the base and the table stays additive.
 *
 * <p><b>Magnitude tables</b> ({@link #protect(MagnitudeTable)}): a cell is sensitive if it has 0 &lt; n &lt; t
 * contributors or is dominated under the {@link DominanceRule}; secondary suppression works as for counts over real
 * sums, and a withheld sum v is protected if its feasible interval is at least q&middot;v wide
 * ({@link #withMagnitudeProtection(double)}, default q = 0.2, a choice of this library).
 *
 * <p>Reference: Hundepool, A., Domingo-Ferrer, J., Franconi, L., Giessing, S., Schulte Nordholt, E., Spicer, K. &amp;
 * de Wolf, P.-P. (2012). <i>Statistical Disclosure Control</i>. Wiley, chapter 5 (frequency tables) and chapter 4
 * (magnitude tables, sensitivity rules, secondary suppression).
 */
public final class DisclosurePolicy {

    /** The default threshold t: counts 1 to 9 are sensitive. */
    public static final long DEFAULT_THRESHOLD = 10;

    /** The default relative protection q of a withheld magnitude cell: its interval must be 20% of its value wide. */
    public static final double DEFAULT_MAGNITUDE_PROTECTION = 0.2;

    /**
     * The default clean-up limit: the clean-up pass after secondary suppression runs on patterns of at most this many
     * withheld cells ({@link #withCleanUpLimit(int)}).
     */
    public static final int DEFAULT_CLEAN_UP_LIMIT = 200;

    private static final DisclosurePolicy DEFAULTS = new DisclosurePolicy(DEFAULT_THRESHOLD, false, 0, null, null,
            DEFAULT_MAGNITUDE_PROTECTION, null, DEFAULT_CLEAN_UP_LIMIT);

    private final long threshold;
    private final boolean zerosSensitive;
    private final long protectionMargin;
    private final Rounding rounding;
    private final DominanceRule dominance;
    private final double magnitudeProtection;
    private final ControlledRounding controlled;
    private final int cleanUpLimit;

    private DisclosurePolicy(long threshold, boolean zerosSensitive, long protectionMargin, Rounding rounding,
            DominanceRule dominance, double magnitudeProtection, ControlledRounding controlled, int cleanUpLimit) {
        this.cleanUpLimit = cleanUpLimit;
        this.controlled = controlled;
        this.magnitudeProtection = magnitudeProtection;
        this.threshold = threshold;
        this.zerosSensitive = zerosSensitive;
        this.protectionMargin = protectionMargin;
        this.rounding = rounding;
        this.dominance = dominance;
    }

    /**
     * The default policy: suppression of counts 1 to 9, zeros published, protection margin 10.
     *
     * @return the policy
     */
    public static DisclosurePolicy withDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with another threshold t (counts 0 &lt; c &lt; t are sensitive). Unless a protection margin was set
     * explicitly, the margin follows the threshold.
     *
     * @param newThreshold t &ge; 1
     * @return the new policy
     * @throws IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#THRESHOLD_BELOW_ONE}) if t &lt; 1
     */
    public DisclosurePolicy withThreshold(long newThreshold) {
        if (newThreshold < 1) {
            throw IndicatorException.of(IndicatorRule.THRESHOLD_BELOW_ONE, newThreshold);
        }
        return new DisclosurePolicy(newThreshold, zerosSensitive, protectionMargin, rounding,
                dominance, magnitudeProtection, controlled, cleanUpLimit);
    }

    /**
     * Returns a copy whose clean-up pass (see the class) runs on patterns of at most the given number of withheld
     * cells (default {@value #DEFAULT_CLEAN_UP_LIMIT}; 0 turns it off). The pass tries every secondary cell again and
     * re-proves the whole pattern for each, so its cost grows with secondary cells times withheld cells: measured
     * (README, "Performance"), on three linked 20 x 10 tables (477 withheld, 71 secondary) it withholds 64 cells
     * fewer at 9 times the protection's CPU time, on the 100 x 5 benchmark table (353 withheld) one cell fewer at 1.5
     * to 3 times the time. The limit is recorded in the provenance as {@code disclosure.cleanUpLimit}.
     *
     * @param cells the largest number of withheld cells the pass runs on, &ge; 0
     * @return the new policy
     * @throws IndicatorException ({@link IndicatorRule#CLEAN_UP_LIMIT}) if cells &lt; 0
     */
    public DisclosurePolicy withCleanUpLimit(int cells) {
        if (cells < 0) {
            throw IndicatorException.of(IndicatorRule.CLEAN_UP_LIMIT, cells);
        }
        return new DisclosurePolicy(threshold, zerosSensitive, protectionMargin, rounding, dominance,
                magnitudeProtection, controlled, cells);
    }

    /**
     * The clean-up limit (see {@link #withCleanUpLimit(int)}).
     *
     * @return the largest number of withheld cells the clean-up pass runs on
     */
    public int cleanUpLimit() {
        return cleanUpLimit;
    }

    /**
     * Returns a copy in which zero counts are (true) or are not (false, the default) sensitive.
     *
     * @param sensitive whether zeros are suppressed
     * @return the new policy
     */
    public DisclosurePolicy withZerosSensitive(boolean sensitive) {
        return new DisclosurePolicy(threshold, sensitive, protectionMargin, rounding,
                dominance, magnitudeProtection, controlled, cleanUpLimit);
    }

    /**
     * Returns a copy with an explicit protection margin p: a withheld cell is protected if the integer width of its
     * feasible interval is at least p.
     *
     * @param margin p &ge; 1
     * @return the new policy
     * @throws IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#MARGIN_BELOW_ONE}) if p &lt; 1
     */
    public DisclosurePolicy withProtectionMargin(long margin) {
        if (margin < 1) {
            throw IndicatorException.of(IndicatorRule.MARGIN_BELOW_ONE, margin);
        }
        return new DisclosurePolicy(threshold, zerosSensitive, margin, rounding,
                dominance, magnitudeProtection, controlled, cleanUpLimit);
    }

    /**
     * Returns a copy that rounds instead of suppressing.
     *
     * @param newRounding the rounding rule
     * @return the new policy
     * @throws NullPointerException if newRounding is null
     */
    public DisclosurePolicy withRounding(Rounding newRounding) {
        return new DisclosurePolicy(threshold, zerosSensitive, protectionMargin,
                Objects.requireNonNull(newRounding, "rounding"), dominance, magnitudeProtection, null,
                cleanUpLimit);
    }

    /**
     * Returns a copy that publishes by {@link ControlledRounding} to base b instead of suppressing: every cell, margin
     * and the total becomes an adjacent multiple of b and the rounded table stays additive. Applies to additive count
     * tables of rank 1 or 2 only; audit the result with {@link DisclosureAudit#of(DisclosurePolicy)}, whose margin p
     * can be met for every cell only if b &ge; p + 1 (see {@link ControlledRounding}).
     *
     * @param base b &ge; 2
     * @return the new policy
     * @throws IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#ROUNDING_BASE}) if b &lt; 2
     */
    public DisclosurePolicy withControlledRounding(long base) {
        return new DisclosurePolicy(threshold, zerosSensitive, protectionMargin, null,
                dominance, magnitudeProtection, ControlledRounding.withBase(base), cleanUpLimit);
    }

    /**
     * The controlled rounding, if the policy publishes by it.
     *
     * @return the method, or empty
     */
    public Optional<ControlledRounding> controlledRounding() {
        return Optional.ofNullable(controlled);
    }

    /**
     * Returns a copy that suppresses (the default) instead of rounding.
     *
     * @return the new policy
     */
    public DisclosurePolicy withSuppression() {
        return new DisclosurePolicy(threshold, zerosSensitive, protectionMargin, null,
                dominance, magnitudeProtection, null, cleanUpLimit);
    }

    /**
     * Returns a copy with a dominance rule for magnitude cells, see {@link #isMagnitudeSensitive(double...)}.
     *
     * @param rule the rule
     * @return the new policy
     * @throws NullPointerException if rule is null
     */
    public DisclosurePolicy withDominanceRule(DominanceRule rule) {
        return new DisclosurePolicy(threshold, zerosSensitive, protectionMargin, rounding,
                Objects.requireNonNull(rule, "rule"), magnitudeProtection, controlled, cleanUpLimit);
    }

    /**
     * Returns a copy with another relative protection q for magnitude tables: a withheld magnitude cell with sum v is
     * protected if its feasible interval is at least q&middot;v wide (and not a single point).
     *
     * @param q the fraction, in [0, 10]
     * @return the new policy
     * @throws IndicatorException if q is not in [0, 10]
     */
    public DisclosurePolicy withMagnitudeProtection(double q) {
        if (!(q >= 0 && q <= 10)) {
            throw IndicatorException.of(IndicatorRule.MAGNITUDE_PROTECTION_RANGE, q);
        }
        return new DisclosurePolicy(threshold, zerosSensitive, protectionMargin, rounding, dominance, q, controlled,
                cleanUpLimit);
    }

    /**
     * The relative protection q of withheld magnitude cells.
     *
     * @return q
     */
    public double magnitudeProtection() {
        return magnitudeProtection;
    }

    /**
     * The threshold t.
     *
     * @return t
     */
    public long threshold() {
        return threshold;
    }

    /**
     * The protection margin p (the threshold unless set explicitly).
     *
     * @return p
     */
    public long protectionMargin() {
        return protectionMargin > 0 ? protectionMargin : threshold;
    }

    /**
     * The rounding rule, if the policy rounds.
     *
     * @return the rule, or empty for suppression
     */
    public Optional<Rounding> rounding() {
        return Optional.ofNullable(rounding);
    }

    /**
     * The dominance rule for magnitude cells, if any.
     *
     * @return the rule, or empty
     */
    public Optional<DominanceRule> dominanceRule() {
        return Optional.ofNullable(dominance);
    }

    /**
     * Whether a count is sensitive under the threshold rule: 0 &lt; c &lt; t, or c = 0 if zeros are sensitive.
     *
     * @param count the count, &ge; 0
     * @return true if the count must be withheld
     */
    public boolean isSensitive(long count) {
        return count < threshold && (count > 0 || zerosSensitive);
    }

    /**
     * Whether a magnitude cell is sensitive: too few contributors for the threshold rule (0 &lt; n &lt; t), or dominated
     * under the policy's dominance rule (if any).
     *
     * @param contributions the cell's contributions, each &ge; 0
     * @return true if the cell must be withheld
     * @throws IndicatorException if a contribution is negative or not finite
     */
    public boolean isMagnitudeSensitive(double... contributions) {
        boolean tooFew = isSensitive(contributions.length);
        boolean dominated = dominance != null && dominance.isDominated(contributions);
        return tooFew || dominated;
    }

    /**
     * Protects a count table for publication.
     *
     * @param table the internal table
     * @return the protected table: rounded if the policy rounds (additively with controlled rounding), else with
     *         primary and secondary suppressions such that every withheld cell is protected (see the class description)
     * @throws NullPointerException if table is null
     * @throws IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#ROUNDING_TABLE}) with controlled rounding, if the table is not
     *         an additive table of rank 1 or 2
     */
    public ProtectedTable protect(CountTable table) {
        Objects.requireNonNull(table, "table");
        if (controlled != null) {
            return controlled.round(table);
        }
        long[] values = table.extendedCounts();
        CellStatus[] status = new CellStatus[values.length];
        Provenance provenance = table.provenance()
                .withDefinition("disclosure.method", rounding == null ? "suppression"
                        : "rounding-" + rounding.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (rounding != null) {
            for (int i = 0; i < values.length; i++) {
                values[i] = rounding.round(values[i]);
                status[i] = CellStatus.ROUNDED;
            }
            return new ProtectedTable(table, values, status, provenance);
        }
        for (int i = 0; i < values.length; i++) {
            status[i] = isSensitive(values[i]) ? CellStatus.PRIMARY : CellStatus.PUBLISHED;
        }
        long margin = protectionMargin();
        suppress(new ExtendedIndex(table.shape()), table.isAdditive(),
                Arrays.stream(values).asDoubleStream().toArray(), status, v -> margin, true, cleanUpLimit);
        return new ProtectedTable(table, values, status, provenance
                .withDefinition("disclosure.threshold", Long.toString(threshold))
                .withDefinition("disclosure.zerosSensitive", Boolean.toString(zerosSensitive))
                .withDefinition("disclosure.protectionMargin", Long.toString(margin))
                .withDefinition("disclosure.cleanUpLimit", Integer.toString(cleanUpLimit)));
    }

    /**
     * Protects a set of linked tables jointly: primary suppression per table as in {@link #protect(CountTable)}, then
     * secondary suppression over the whole set, so that no withheld cell of any table can be narrowed below the
     * protection margin by an intruder who uses every table of the set and every link between them (Hundepool et al.
     * 2012, section 4.4.4, linked tables). Cells that a link makes identical (a margin two tables share) are withheld
     * together. A cell is checked against one linear program over all tables; an exposed cell is protected as in a
     * single table (hypercube, then a complement on a line through it), and the loop ends when every withheld cell of
     * every table is protected. With rounding, each table is rounded on its own; with controlled rounding the set is
     * rounded jointly ({@link ControlledRounding#round(LinkedTables)}: a shared cell or margin gets one rounded value).
     *
     * @param set the tables and their links
     * @return the protected tables, with the links
     * @throws NullPointerException if set is null
     * @throws IllegalStateException if the links alone determine a sensitive cell, so that no pattern protects it
     * @throws IndicatorException ({@link org.tipmonitor.indicators.IndicatorRule#ROUNDING_LINKED}) with controlled rounding, if no joint
     *         rounding keeps every table additive and every link exact
     */
    public ProtectedLinkedTables protect(LinkedTables set) {
        Objects.requireNonNull(set, "set");
        if (controlled != null) {
            return controlled.round(set);
        }
        Map<String, ProtectedTable> result = new LinkedHashMap<>();
        if (rounding != null) {
            set.tables().forEach((name, table) -> result.put(name, protect(table)));
            return new ProtectedLinkedTables(result, set.links(), 0);
        }
        Map<String, ExtendedIndex> indexes = new LinkedHashMap<>();
        List<ExtendedIndex> indexList = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<CellStatus[]> statuses = new ArrayList<>();
        boolean[] additive = new boolean[set.tables().size()];
        int t = 0;
        for (Map.Entry<String, CountTable> e : set.tables().entrySet()) {
            CountTable table = e.getValue();
            ExtendedIndex index = new ExtendedIndex(table.shape());
            indexes.put(e.getKey(), index);
            indexList.add(index);
            long[] counts = table.extendedCounts();
            values.add(Arrays.stream(counts).asDoubleStream().toArray());
            CellStatus[] status = new CellStatus[counts.length];
            for (int i = 0; i < counts.length; i++) {
                status[i] = isSensitive(counts[i]) ? CellStatus.PRIMARY : CellStatus.PUBLISHED;
            }
            statuses.add(status);
            additive[t++] = table.isAdditive();
        }
        Layout layout = new Layout(indexes);
        long margin = protectionMargin();
        suppress(indexList, additive, values, statuses, layout.rows(set.links()), layout.same(set.links()),
                v -> margin, true, cleanUpLimit);
        t = 0;
        for (Map.Entry<String, CountTable> e : set.tables().entrySet()) {
            CountTable table = e.getValue();
            result.put(e.getKey(), new ProtectedTable(table, table.extendedCounts(), statuses.get(t++), table
                    .provenance().withDefinition("disclosure.method", "suppression-linked")
                    .withDefinition("disclosure.linkedTables", String.join(",", set.tables().keySet()))
                    .withDefinition("disclosure.threshold", Long.toString(threshold))
                    .withDefinition("disclosure.zerosSensitive", Boolean.toString(zerosSensitive))
                    .withDefinition("disclosure.protectionMargin", Long.toString(margin))
                    .withDefinition("disclosure.cleanUpLimit", Integer.toString(cleanUpLimit))));
        }
        return new ProtectedLinkedTables(result, set.links(), margin);
    }

    /**
     * Protects a magnitude table for publication by suppression: a cell or margin is primary-sensitive by
     * {@link #isMagnitudeSensitive(double...)} on its contributions, and secondary suppression (as for counts, over
     * real values) goes on until every withheld cell's feasible interval is at least q&middot;v wide, q =
     * {@link #magnitudeProtection()}. Rounding does not apply to magnitude tables.
     *
     * @param table the internal magnitude table
     * @return the protected table
     * @throws NullPointerException if table is null
     * @throws IndicatorException if the policy rounds
     */
    public ProtectedMagnitudeTable protect(MagnitudeTable table) {
        Objects.requireNonNull(table, "table");
        if (rounding != null || controlled != null) {
            throw IndicatorException.of(IndicatorRule.ROUNDING_MAGNITUDE,
                    rounding != null ? rounding : controlled);
        }
        ExtendedIndex index = new ExtendedIndex(table.shape());
        double[] sums = table.extendedSums();
        CellStatus[] status = new CellStatus[sums.length];
        for (int o = 0; o < sums.length; o++) {
            status[o] = isMagnitudeSensitive(table.contributions(index.coords(o)))
                    ? CellStatus.PRIMARY : CellStatus.PUBLISHED;
        }
        double q = magnitudeProtection;
        suppress(index, true, sums, status, v -> q * v, false, cleanUpLimit);
        return new ProtectedMagnitudeTable(table, sums, status, table.provenance()
                .withDefinition("disclosure.method", "suppression")
                .withDefinition("disclosure.threshold", Long.toString(threshold))
                .withDefinition("disclosure.dominance", dominance == null ? "none"
                        : "(" + dominance.n() + ", " + dominance.k() + ")")
                .withDefinition("disclosure.magnitudeProtection", Double.toString(q))
                .withDefinition("disclosure.cleanUpLimit", Integer.toString(cleanUpLimit)));
    }

    /**
     * Secondary suppression of one table, in place: starting from the PRIMARY cells of status, withholds further
     * cells (marked SECONDARY) until every withheld cell's feasible interval is at least required(value) wide and
     * not a point.
     */
    private static void suppress(ExtendedIndex index, boolean additive, double[] values, CellStatus[] status,
            DoubleUnaryOperator required, boolean integral, int cleanUpLimit) {
        suppress(List.of(index), new boolean[] {additive}, List.of(values), List.<CellStatus[]>of(status), List.of(),
                new int[0][], required, integral, cleanUpLimit);
    }

    /**
     * Secondary suppression of a set of tables, in place. Tables are addressed as in {@link FeasibleIntervals}
     * (global offsets, table after table); rows are further linear relations between cells (links); same[c] lists
     * the cells that must share cell c's status (identical cells of linked tables), or is null. A cell is checked
     * against the program over every table and row at once.
     */
    static void suppress(List<ExtendedIndex> indexes, boolean[] additive, List<double[]> values,
            List<CellStatus[]> status, List<FeasibleIntervals.Row> rows, int[][] same,
            DoubleUnaryOperator required, boolean integral, int cleanUpLimit) {
        int tables = indexes.size();
        int[] start = new int[tables + 1];
        for (int t = 0; t < tables; t++) {
            start[t + 1] = start[t] + values.get(t).length;
        }
        double[] truth = new double[start[tables]];
        boolean[] suppressed = new boolean[start[tables]];
        Deque<Integer> toCheck = new ArrayDeque<>();
        for (int t = 0; t < tables; t++) {
            System.arraycopy(values.get(t), 0, truth, start[t], values.get(t).length);
        }
        List<FeasibleIntervals.Block> blocks = new ArrayList<>(tables);
        for (int t = 0; t < tables; t++) {
            blocks.add(new FeasibleIntervals.Block(indexes.get(t), additive[t], values.get(t),
                    new boolean[values.get(t).length]));
        }
        FeasibleIntervals lp = new FeasibleIntervals(blocks, rows, integral);
        lp.reference(truth);
        lp.requireWidths(widths(truth, required));
        for (int g = 0; g < truth.length; g++) {
            int t = tableOf(start, g);
            if (status.get(t)[g - start[t]] == CellStatus.PRIMARY) {
                withhold(g, start, status, suppressed, same, toCheck, CellStatus.PRIMARY, lp);
            }
        }
        while (!toCheck.isEmpty()) {
            int cell = toCheck.peek();
            if (lp.isProtected(cell, required.applyAsDouble(truth[cell]))) {
                toCheck.pop();
                continue;
            }
            int t = tableOf(start, cell);
            ExtendedIndex index = indexes.get(t);
            double[] own = values.get(t);
            boolean[] ownSuppressed = Arrays.copyOfRange(suppressed, start[t], start[t + 1]);
            int local = cell - start[t];
            List<Integer> added = new ArrayList<>();
            for (int c : hypercube(index, own, ownSuppressed, local, required.applyAsDouble(truth[cell]))) {
                added.add(start[t] + c);
            }
            if (added.isEmpty()) {
                int complement = complement(index, own, ownSuppressed, index.neighbours(local));
                if (complement < 0) {
                    complement = complement(index, own, ownSuppressed, allCells(own.length));
                }
                if (complement >= 0) {
                    added.add(start[t] + complement);
                } else {
                    // the whole table is withheld: the exposure comes through a link; widen another table
                    for (int u = 0; u < tables && added.isEmpty(); u++) {
                        boolean[] theirs = Arrays.copyOfRange(suppressed, start[u], start[u + 1]);
                        int c = complement(indexes.get(u), values.get(u), theirs, allCells(theirs.length));
                        if (c >= 0) {
                            added.add(start[u] + c);
                        }
                    }
                }
            }
            if (added.isEmpty()) {
                throw new IllegalStateException("Every cell is withheld but cell " + cell + " is still exposed");
            }
            for (int c : added) {
                withhold(c, start, status, suppressed, same, toCheck, CellStatus.SECONDARY, lp);
            }
        }
        cleanUp(indexes, additive, values, status, rows, same, required, integral, start, truth, suppressed,
                cleanUpLimit);
    }

    /**
     * The clean-up pass after secondary suppression: the secondary cells are tried one by one, the largest count
     * first, and a cell (with the cells a link makes identical to it) is published again if every withheld cell of the
     * set is still protected without it. Greedy suppression adds whole hypercubes and complements, and may withhold
     * a whole line (a year's row with its total) where fewer cells would do; after this pass no single secondary cell
     * (group) can be published without exposing some withheld cell. Done for sets of at most cleanUpLimit withheld
     * cells (each try re-proves the pattern); larger patterns are kept as they are.
     */
    private static void cleanUp(List<ExtendedIndex> indexes, boolean[] additive, List<double[]> values,
            List<CellStatus[]> status, List<FeasibleIntervals.Row> rows, int[][] same, DoubleUnaryOperator required,
            boolean integral, int[] start, double[] truth, boolean[] suppressed, int cleanUpLimit) {
        int withheld = 0;
        List<Integer> secondary = new ArrayList<>();
        for (int g = 0; g < truth.length; g++) {
            if (suppressed[g]) {
                withheld++;
                int t = tableOf(start, g);
                if (status.get(t)[g - start[t]] == CellStatus.SECONDARY) {
                    secondary.add(g);
                }
            }
        }
        if (withheld > cleanUpLimit || secondary.isEmpty()) {
            return;
        }
        secondary.sort((a, b) -> truth[a] != truth[b] ? Double.compare(truth[b], truth[a]) : Integer.compare(a, b));
        for (int cell : secondary) {
            if (!suppressed[cell]) {
                continue;
            }
            List<Integer> group = group(cell, same);
            boolean primary = false;
            for (int c : group) {
                int t = tableOf(start, c);
                primary |= status.get(t)[c - start[t]] == CellStatus.PRIMARY;
            }
            if (primary) {
                continue;
            }
            boolean[] trial = suppressed.clone();
            for (int c : group) {
                trial[c] = false;
            }
            if (protectsAll(indexes, additive, values, rows, required, integral, start, truth, trial)) {
                System.arraycopy(trial, 0, suppressed, 0, trial.length);
                for (int c : group) {
                    int t = tableOf(start, c);
                    status.get(t)[c - start[t]] = CellStatus.PUBLISHED;
                }
            }
        }
    }

    /** The cell and every cell a link makes identical to it, transitively. */
    private static List<Integer> group(int cell, int[][] same) {
        List<Integer> group = new ArrayList<>(List.of(cell));
        for (int k = 0; k < group.size(); k++) {
            int c = group.get(k);
            if (c < same.length && same[c] != null) {
                for (int other : same[c]) {
                    if (!group.contains(other)) {
                        group.add(other);
                    }
                }
            }
        }
        return group;
    }

    /** Whether every withheld cell of a pattern is protected. */
    private static boolean protectsAll(List<ExtendedIndex> indexes, boolean[] additive, List<double[]> values,
            List<FeasibleIntervals.Row> rows, DoubleUnaryOperator required, boolean integral, int[] start,
            double[] truth, boolean[] pattern) {
        List<FeasibleIntervals.Block> blocks = new ArrayList<>(indexes.size());
        for (int t = 0; t < indexes.size(); t++) {
            blocks.add(new FeasibleIntervals.Block(indexes.get(t), additive[t], values.get(t),
                    Arrays.copyOfRange(pattern, start[t], start[t + 1])));
        }
        FeasibleIntervals lp = new FeasibleIntervals(blocks, rows, integral);
        lp.reference(truth);
        lp.requireWidths(widths(truth, required));
        for (int g = 0; g < pattern.length; g++) {
            if (pattern[g] && !lp.isProtected(g, required.applyAsDouble(truth[g]))) {
                return false;
            }
        }
        return true;
    }

    /** The width each cell's interval must reach, from its true value. */
    private static double[] widths(double[] truth, DoubleUnaryOperator required) {
        double[] widths = new double[truth.length];
        for (int g = 0; g < truth.length; g++) {
            widths[g] = required.applyAsDouble(truth[g]);
        }
        return widths;
    }

    private static int tableOf(int[] start, int global) {
        int t = 0;
        while (global >= start[t + 1]) {
            t++;
        }
        return t;
    }

    /** Withholds a cell and every cell identical to it, queueing each for a check. */
    private static void withhold(int cell, int[] start, List<CellStatus[]> status, boolean[] suppressed,
            int[][] same, Deque<Integer> toCheck, CellStatus reason, FeasibleIntervals lp) {
        Deque<Integer> pending = new ArrayDeque<>(List.of(cell));
        while (!pending.isEmpty()) {
            int c = pending.pop();
            if (suppressed[c]) {
                continue;
            }
            suppressed[c] = true;
            lp.withhold(c);
            int t = tableOf(start, c);
            CellStatus[] s = status.get(t);
            if (s[c - start[t]] != CellStatus.PRIMARY) {
                s[c - start[t]] = c == cell ? reason : CellStatus.SECONDARY;
            }
            toCheck.add(c);
            if (c < same.length && same[c] != null) {
                for (int other : same[c]) {
                    pending.push(other);
                }
            }
        }
    }

    /**
     * The published corners of the cheapest hypercube through an exposed interior cell that protects it, or of the
     * widest one if none does (hypercube method, Hundepool et al. 2012, section 4.4.2). Choosing one other category
     * a<sub>d</sub> in every dimension gives 2<sup>r</sup> interior corners; adding +&delta; to the corners with an even
     * number of a-coordinates and &minus;&delta; to the others keeps every margin, so once all corners are withheld the
     * cell can move by min(+ corners) downwards and min(&minus; corners) upwards.
     *
     * @return the corners to withhold, empty if the cell is a margin, a dimension has one category, or the best
     *         hypercube adds nothing new
     */
    private static List<Integer> hypercube(ExtendedIndex index, double[] values, boolean[] suppressed, int cell,
            double margin) {
        int[] c = index.coords(cell);
        int rank = c.length;
        for (int d = 0; d < rank; d++) {
            if (c[d] == ExtendedIndex.ALL || index.categories(d) < 2) {
                return List.of();
            }
        }
        int[] alternative = new int[rank];
        for (int d = 0; d < rank; d++) {
            alternative[d] = c[d] == 0 ? 1 : 0;
        }
        List<Integer> best = null;
        double bestWidth = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        int[] corner = new int[rank];
        while (true) {
            double minPlus = Double.POSITIVE_INFINITY;
            double minMinus = Double.POSITIVE_INFINITY;
            double cost = 0;
            List<Integer> fresh = new ArrayList<>();
            for (int mask = 0; mask < 1 << rank; mask++) {
                for (int d = 0; d < rank; d++) {
                    corner[d] = (mask & (1 << d)) != 0 ? alternative[d] : c[d];
                }
                int o = index.offset(corner);
                if (Integer.bitCount(mask) % 2 == 0) {
                    minPlus = Math.min(minPlus, values[o]);
                } else {
                    minMinus = Math.min(minMinus, values[o]);
                }
                if (!suppressed[o]) {
                    fresh.add(o);
                    cost += values[o] + 1;
                }
            }
            double width = minPlus + minMinus;
            boolean protects = width >= margin && width > 0;
            boolean bestProtects = bestWidth >= margin && bestWidth > 0;
            if (best == null || (protects && (!bestProtects || cost < bestCost))
                    || (!protects && !bestProtects && (width > bestWidth || width == bestWidth && cost < bestCost))) {
                best = fresh;
                bestWidth = width;
                bestCost = cost;
            }
            if (!nextAlternative(index, c, alternative)) {
                break;
            }
        }
        return List.copyOf(best);
    }

    /** Advances the alternative categories like an odometer, skipping each dimension's own category. */
    private static boolean nextAlternative(ExtendedIndex index, int[] c, int[] alternative) {
        for (int d = alternative.length - 1; d >= 0; d--) {
            int next = alternative[d] + 1;
            if (next == c[d]) {
                next++;
            }
            if (next < index.categories(d)) {
                alternative[d] = next;
                return true;
            }
            alternative[d] = c[d] == 0 ? 1 : 0;
        }
        return false;
    }

    private static List<Integer> allCells(int size) {
        return java.util.stream.IntStream.range(0, size).boxed().toList();
    }

    /** The published candidate with the smallest (zero?, margin order, count, offset), or -1. */
    private static int complement(ExtendedIndex index, double[] values, boolean[] suppressed,
            List<Integer> candidates) {
        int best = -1;
        for (int c : candidates) {
            if (suppressed[c]) {
                continue;
            }
            if (best < 0 || better(index, values, c, best)) {
                best = c;
            }
        }
        return best;
    }

    private static boolean better(ExtendedIndex index, double[] values, int a, int b) {
        int marginA = index.marginOrder(a);
        int marginB = index.marginOrder(b);
        if (marginA != marginB) {
            return marginA < marginB;
        }
        boolean zeroA = values[a] == 0;
        boolean zeroB = values[b] == 0;
        if (zeroA != zeroB) {
            return !zeroA;
        }
        if (values[a] != values[b]) {
            return values[a] < values[b];
        }
        return a < b;
    }

    @Override
    public String toString() {
        if (controlled != null) {
            return "DisclosurePolicy[rounding=" + controlled + "]";
        }
        return rounding != null ? "DisclosurePolicy[rounding=" + rounding + "]"
                : String.format(Locale.ROOT,
                        "DisclosurePolicy[threshold=%d, zerosSensitive=%s, protectionMargin=%d%s%s]",
                        threshold, zerosSensitive, protectionMargin(),
                        dominance == null ? "" : ", dominance=" + dominance,
                        cleanUpLimit == DEFAULT_CLEAN_UP_LIMIT ? "" : ", cleanUpLimit=" + cleanUpLimit);
    }
}
