package org.tipmonitor.indicators.programme;

/**
 * Where a programme measure stands on a day, against its plan. The categories exclude each other; they are
 * decided in the order listed.
 */
public enum ProgressCategory {

    /** No status is effective yet on the day. */
    NOT_ANNOUNCED("not_announced"),
    /** Dropped. */
    DROPPED("dropped"),
    /** Implemented on or before the planned end. */
    IMPLEMENTED_ON_TIME("implemented_on_time"),
    /** Implemented after the planned end. */
    IMPLEMENTED_LATE("implemented_late"),
    /** Implemented; no planned end was stated. */
    IMPLEMENTED_WITHOUT_PLAN("implemented_without_plan"),
    /** Not implemented although the planned end has passed (whether started or not). */
    DELAYED("delayed"),
    /** Still planned, not started; the planned end has not passed or was not stated. */
    NOT_STARTED("not_started"),
    /** Started or partly implemented; the planned end has not passed or was not stated. */
    UNDER_WAY("under_way");

    private final String code;

    ProgressCategory(String code) {
        this.code = code;
    }

    /**
     * The category's code in reports.
     *
     * @return e.g. {@code "delayed"}
     */
    public String code() {
        return code;
    }
}
