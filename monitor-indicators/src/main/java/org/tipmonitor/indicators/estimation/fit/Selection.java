package org.tipmonitor.indicators.estimation.fit;

import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.estimation.data.CovariateTable;
import org.tipmonitor.indicators.estimation.internal.CovariateMessages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;


/**
 * Which covariate cells a derived quantity sums over: for some covariates a set of levels, every level of the
 * others. {@code Selection.all()} is the whole population; {@code Selection.where("minor", "minor")
 * .and("form", "domestic_sexual")} the minors of domestic sexual exploitation in every year.
 *
 * @param levels the allowed levels per restricted covariate, in the order given
 */
public record Selection(Map<String, Set<String>> levels) {

    private static final Selection ALL = new Selection(Map.of());

    /**
     * Copies the map.
     *
     * @throws NullPointerException if a component is null
     */
    public Selection {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        levels.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Set.copyOf(new LinkedHashSet<>(v))));
        levels = java.util.Collections.unmodifiableMap(copy);
    }

    /** @return every covariate cell */
    public static Selection all() {
        return ALL;
    }

    /**
     * The cells with one level of a covariate.
     *
     * @param covariate the covariate
     * @param level     its level
     * @return the selection
     */
    public static Selection where(String covariate, String level) {
        return ALL.and(covariate, level);
    }

    /**
     * This selection further restricted to one level of a covariate (or to the union with it, if the covariate
     * is already restricted: {@code where("year", "2014").and("year", "2015")} is both years).
     *
     * @param covariate the covariate
     * @param level     the level
     * @return the selection
     */
    public Selection and(String covariate, String level) {
        Map<String, Set<String>> m = new LinkedHashMap<>(levels);
        Set<String> s = new LinkedHashSet<>(m.getOrDefault(covariate, Set.of()));
        s.add(Objects.requireNonNull(level, "level"));
        m.put(Objects.requireNonNull(covariate, "covariate"), s);
        return new Selection(m);
    }

    /**
     * Parses a selection written as restrictions joined by commas, {@code "minor=minor,form=domestic_sexual"};
     * {@code "all"} or an empty text is every cell, and {@code "year=2014|2015"} allows two levels.
     *
     * @param text the text
     * @return the selection
     * @throws IndicatorException if a restriction is not {@code covariate=level}
     */
    public static Selection parse(String text) {
        Selection s = ALL;
        String t = text.strip();
        if (t.isEmpty() || t.equals("all")) {
            return s;
        }
        for (String part : t.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw IndicatorException.of(IndicatorRule.COVARIATE_SELECTION, CovariateMessages.echo(part.strip()));
            }
            for (String level : part.substring(eq + 1).split("\\|")) {
                s = s.and(part.substring(0, eq).strip(), level.strip());
            }
        }
        return s;
    }

    /**
     * Whether a covariate cell belongs to the selection.
     *
     * @param table the table
     * @param cell  the cell index
     * @return true if every restricted covariate has an allowed level there
     * @throws IndicatorException if a covariate or level is not in the table
     */
    public boolean contains(CovariateTable table, int cell) {
        List<String> values = table.levelsOfCell(cell);
        for (Map.Entry<String, Set<String>> e : levels.entrySet()) {
            int j = table.covariateIndex(e.getKey());
            if (!e.getValue().contains(values.get(j))) {
                return false;
            }
        }
        return true;
    }

    public void check(CovariateTable table) {
        for (Map.Entry<String, Set<String>> e : levels.entrySet()) {
            List<String> known = table.levels(e.getKey());
            for (String level : e.getValue()) {
                if (!known.contains(level)) {
                    throw IndicatorException.of(IndicatorRule.COVARIATE_UNKNOWN_LEVEL, e.getKey(), CovariateMessages.echo(level), known);
                }
            }
        }
    }

    /** @return e.g. {@code "minor=minor, form=domestic_sexual"}, or {@code "all"} */
    @Override
    public String toString() {
        if (levels.isEmpty()) {
            return "all";
        }
        List<String> parts = new ArrayList<>();
        levels.forEach((k, v) -> parts.add(k + "=" + String.join("|", v.stream().sorted().toList())));
        return String.join(", ", parts);
    }
}
