package org.tipmonitor.indicators.disclosure;

/** The publication status of a cell or margin of a {@link ProtectedTable}. */
public enum CellStatus {

    /** Published exactly. */
    PUBLISHED,
    /** Published rounded (see {@link Rounding}). */
    ROUNDED,
    /** Withheld because it is itself sensitive (primary suppression). */
    PRIMARY,
    /** Withheld so that a sensitive cell cannot be derived from the published ones (secondary suppression). */
    SECONDARY;

    /**
     * Whether the value is withheld.
     *
     * @return true for PRIMARY and SECONDARY
     */
    public boolean isSuppressed() {
        return this == PRIMARY || this == SECONDARY;
    }
}
