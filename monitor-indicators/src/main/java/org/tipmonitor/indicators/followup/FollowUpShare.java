package org.tipmonitor.indicators.followup;

import java.util.Objects;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.indicators.shares.ShareEstimate;

/**
 * The follow-up of the police reports filed in one year (and group): how many were filed, how many are too recent
 * for the window to be observed, and of the others the share followed by the stage within the window.
 *
 * @param year             the year the reports were filed
 * @param dimension        the breakdown, or null for all reports of the year
 * @param group            the group's code in the dimension, {@value PoliceReportFollowUp#ALL} for all reports
 * @param stage            the stage
 * @param windowMonths     the window, in months after filing
 * @param filed            reports filed in the year (and group)
 * @param notYetObservable reports whose window ends after the end of observation (censored, not in the share)
 * @param followed         observable reports followed by the stage within the window
 * @param share            followed / (filed &minus; notYetObservable), with its interval; undefined without an
 *                         observable report
 */
public record FollowUpShare(int year, FollowUpDimension dimension, String group, FollowUpStage stage,
                            int windowMonths, long filed, long notYetObservable, long followed,
                            ShareEstimate share) {


    /**
     * Checks the counts.
     *
     * @throws IndicatorException if the counts are negative or followed exceeds the observable reports
     * @throws NullPointerException if group, stage or share is null
     */
    public FollowUpShare {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(share, "share");
        if (notYetObservable < 0 || followed < 0 || followed > filed - notYetObservable) {
            throw IndicatorException.of(IndicatorRule.FOLLOW_UP_COUNTS, followed, filed, notYetObservable);
        }
    }

    /**
     * The reports whose whole window is observed: the denominator of the share.
     *
     * @return filed &minus; notYetObservable
     */
    public long observable() {
        return filed - notYetObservable;
    }
}
