package org.tipmonitor.spark;

import java.util.List;
import java.util.Locale;

/**
 * The linkage report: per register source and year of first registration, how many registered victims were found
 * in the register and how well the sources agree. Counts only, no key; it is a quality report for the organisation
 * that links (the statistical office), not a publication, and small counts in it are not protected.
 *
 * @param rows one row per source and year, in source order then year order
 */
public record LinkageReport(List<LinkageReport.Row> rows) {

    /**
     * One source and year.
     *
     * @param source             the register source
     * @param year               the year of the victims' first registration
     * @param victims            registered victims (distinct person keys) with that year
     * @param linked             of them, those with at least one record in the source
     * @param severalRecords     of the linked, those with more than one record in the source
     * @param birthYearCompared  of the linked, those whose birth year is known on both sides (0 if the source has
     *                           no {@code birth_year} column)
     * @param birthYearConflicts of those compared, those where a record's birth year differs from the victim's
     * @param sexCompared        of the linked, those whose sex is known ({@code female} or {@code male}) on both
     *                           sides (0 if the source has no {@code sex} column)
     * @param sexConflicts       of those compared, those where a record's sex differs from the victim's
     */
    public record Row(String source, int year, long victims, long linked, long severalRecords,
                      long birthYearCompared, long birthYearConflicts, long sexCompared, long sexConflicts) {

        /**
         * Validates the counts.
         *
         * @throws SparkMonitorException ({@link SparkRule#INVALID_ARGUMENT}) unless 0 &le; linked &le; victims,
         *                               several records, both compared counts &le; linked, and each conflict count
         *                               &le; its compared count
         */
        public Row {
            if (linked < 0 || linked > victims || severalRecords < 0 || severalRecords > linked
                    || birthYearCompared < 0 || birthYearCompared > linked || birthYearConflicts < 0
                    || birthYearConflicts > birthYearCompared || sexCompared < 0 || sexCompared > linked
                    || sexConflicts < 0 || sexConflicts > sexCompared) {
                throw new SparkMonitorException(SparkRule.INVALID_ARGUMENT, "inconsistent linkage counts for "
                        + source + " " + year);
            }
        }

        /**
         * The match rate linked / victims.
         *
         * @return the rate in [0, 1], NaN when there are no victims
         */
        public double matchRate() {
            return victims == 0 ? Double.NaN : (double) linked / victims;
        }
    }

    /**
     * Validates the rows.
     *
     * @throws NullPointerException if rows is null
     */
    public LinkageReport {
        rows = List.copyOf(rows);
    }

    /**
     * The report as a text table.
     *
     * @return the table, one line per row after a header
     */
    public String toText() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-20s %4s %8s %8s %7s %8s %8s %8s %8s %8s%n", "source", "year", "victims", "linked", "rate",
                "several", "by_cmp", "by_conf", "sex_cmp", "sex_conf"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-20s %4d %8d %8d %7.3f %8d %8d %8d %8d %8d%n", r.source(),
                    r.year(), r.victims(), r.linked(), r.matchRate(), r.severalRecords(), r.birthYearCompared(),
                    r.birthYearConflicts(), r.sexCompared(), r.sexConflicts()));
        }
        return out.toString();
    }
}
