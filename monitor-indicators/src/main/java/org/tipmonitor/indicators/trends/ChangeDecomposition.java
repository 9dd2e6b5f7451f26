package org.tipmonitor.indicators.trends;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.Provenance;
import org.tipmonitor.indicators.tables.internal.TextGrid;

/**
 * Decomposition of the change of a total between two years into the additive contributions of exhaustive,
 * mutually exclusive groups (for example police signals by victim origin: Dutch, EU, African, other, unknown).
 *
 * <p>With T = &Sigma;<sub>g</sub> c<sub>g</sub> the total and &Delta; the change from year y&#8321; to y&#8322;,
 * <pre>
 *   &Delta;T = &Sigma;_g &Delta;c_g        (exact, in integer arithmetic)
 *   &Delta;(T without g) = &Delta;T &minus; &Delta;c_g
 * </pre>
 * The groups must be exhaustive for the total to be meaningful: put "unknown" in a group of its own.
 *
 * @param fromYear      the earlier year
 * @param toYear        the later year
 * @param total         the change of the total
 * @param contributions one entry per group, in the caller's order
 * @param provenance    how the decomposition was computed
 */
public record ChangeDecomposition(
        int fromYear, int toYear, Change total, List<GroupContribution> contributions, Provenance provenance) {

    /**
     * Validates the decomposition.
     *
     * @throws IndicatorException if there are no contributions or they do not sum to the total change
     * @throws NullPointerException if a component is null
     */
    public ChangeDecomposition {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(provenance, "provenance");
        contributions = List.copyOf(contributions);
        if (contributions.isEmpty()) {
            throw IndicatorException.of(IndicatorRule.TREND_NO_GROUPS, 0);
        }
        long from = 0;
        long to = 0;
        for (GroupContribution c : contributions) {
            from = Math.addExact(from, c.change().from());
            to = Math.addExact(to, c.change().to());
        }
        if (from != total.from() || to != total.to()) {
            throw IndicatorException.of(IndicatorRule.TREND_GROUPS_DO_NOT_SUM, from, to, total.from(), total.to());
        }
    }

    /**
     * Decomposes the change between two years of a total given by its groups' series.
     *
     * @param groups   the series of each group, by label, over the same years (iteration order is kept)
     * @param fromYear the earlier year
     * @param toYear   the later year
     * @return the decomposition
     * @throws IndicatorException if there are no groups, the series cover different years, a year is outside the
     *         series, or toYear &le; fromYear
     */
    public static ChangeDecomposition of(Map<String, AnnualSeries> groups, int fromYear, int toYear) {
        Map<String, AnnualSeries> copy = new LinkedHashMap<>(groups);
        if (copy.isEmpty()) {
            throw IndicatorException.of(IndicatorRule.TREND_NO_GROUPS, 0);
        }
        AnnualSeries totalSeries = AnnualSeries.sum(copy.values());
        Change total = totalSeries.change(fromYear, toYear);
        List<GroupContribution> contributions = new ArrayList<>();
        for (Map.Entry<String, AnnualSeries> e : copy.entrySet()) {
            Change change = e.getValue().change(fromYear, toYear);
            Change without = new Change(fromYear, toYear, total.from() - change.from(), total.to() - change.to());
            contributions.add(new GroupContribution(e.getKey(), change, without));
        }
        return new ChangeDecomposition(fromYear, toYear, total, contributions,
                Provenance.of("additive-change-decomposition").withDefinition("groups", String.join("|",
                        copy.keySet())));
    }

    /**
     * The contribution of one group.
     *
     * @param group the group's label
     * @return its contribution
     * @throws IndicatorException if there is no such group
     */
    public GroupContribution contribution(String group) {
        for (GroupContribution c : contributions) {
            if (c.group().equals(group)) {
                return c;
            }
        }
        throw IndicatorException.of(IndicatorRule.TREND_NO_SUCH_GROUP, group);
    }

    /**
     * The group with the largest contribution in the direction of the total change (the largest absolute
     * contribution if the total did not change). Ties go to the first group in order.
     *
     * @return the largest contributor
     */
    public GroupContribution largestContributor() {
        long sign = Long.signum(total.absolute());
        GroupContribution best = contributions.get(0);
        for (GroupContribution c : contributions) {
            long score = sign == 0 ? Math.abs(c.contribution()) : sign * c.contribution();
            long bestScore = sign == 0 ? Math.abs(best.contribution()) : sign * best.contribution();
            if (score > bestScore) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The single group that the total's change is due to, if there is one: the total rose (fell), exactly one group
     * rose (fell), and without that group the total would not have risen (fallen). This is the letter's "the
     * increase is due to a sharp rise of only one group" (Nationaal Rapporteur, letter to parliament of 28 November
     * 2019).
     *
     * @return the sole driver, or empty when the total did not change, several groups moved with it, or the others
     *         would have moved the total in the same direction anyway
     */
    public Optional<GroupContribution> soleDriver() {
        Direction direction = total.direction();
        if (direction == Direction.UNCHANGED) {
            return Optional.empty();
        }
        GroupContribution driver = null;
        for (GroupContribution c : contributions) {
            if (c.change().direction() == direction) {
                if (driver != null) {
                    return Optional.empty();
                }
                driver = c;
            }
        }
        return driver != null && driver.totalWithout().direction() != direction
                ? Optional.of(driver) : Optional.empty();
    }

    /**
     * The decomposition as text: the total's change, then one aligned row per group with its counts, its change
     * and the total's change without it, and the sole driver if there is one.
     *
     * @return the text
     */
    @Override
    public String toString() {
        TextGrid grid = TextGrid.withHeader("group", Integer.toString(fromYear), Integer.toString(toYear), "change",
                "total without");
        for (GroupContribution c : contributions) {
            grid.row(c.group(), c.change().from(), c.change().to(), String.format(Locale.ROOT, "%+d",
                    c.contribution()), c.totalWithout().from() + " to " + c.totalWithout().to());
        }
        grid.row("Total", total.from(), total.to(), String.format(Locale.ROOT, "%+d", total.absolute()), "");
        return String.format(Locale.ROOT, "ChangeDecomposition %d to %d: %d to %d (%s)", fromYear, toYear,
                total.from(), total.to(), total.direction().name().toLowerCase(Locale.ROOT)) + "\n" + grid.render()
                + soleDriver().map(d -> "  driven by one group: " + d.group() + "\n").orElse("");
    }
}
