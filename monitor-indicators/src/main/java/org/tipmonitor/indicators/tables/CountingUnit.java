package org.tipmonitor.indicators.tables;

/**
 * What a count table counts. The caller chooses; the table says which.
 *
 * <p>Counting registrations and counting persons differ: one presumed victim can be reported several times, by
 * several reporters and in several years. Person counts are deduplicated (by the model's person key) within every
 * cell and every margin, so a person reported by two reporter types counts once in each of the two cells and once in
 * their margin: person tables are generally not additive (margin &le; sum of its cells), while registration tables
 * are.
 */
public enum CountingUnit {

    /** Every registration (report, melding) counts once. Additive. */
    REGISTRATIONS,
    /** Distinct persons, deduplicated within each cell and margin. Not additive in general. */
    PERSONS,
    /** Criminal cases or offender records, each counted once. Additive. */
    CASES,
    /**
     * Counts delivered already aggregated by their source, summed as delivered, e.g. the police-signal view
     * ({@code PoliceSignalCount}) of victims identified by the police or police reports filed. What one unit is,
     * is the source's definition and is named in the table's provenance; the counts are not deduplicated here.
     * Additive.
     */
    SOURCE_COUNTS
}
