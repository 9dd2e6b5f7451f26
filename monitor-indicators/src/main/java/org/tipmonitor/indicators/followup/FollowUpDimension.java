package org.tipmonitor.indicators.followup;

import java.util.ArrayList;
import java.util.List;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.VictimOriginGroup;

/** What the follow-up of police reports is broken down by: the report's Dublin status, origin group or form. */
public enum FollowUpDimension {

    /** The Dublin status of the registration. */
    DUBLIN_STATUS("dublinStatus", DublinStatus.values()) {
        @Override
        public String label(FollowedReport report) {
            return report.dublinStatus().code();
        }
    },
    /** The victim's origin group (Dutch, EU, African, other, unknown). */
    ORIGIN("origin", VictimOriginGroup.values()) {
        @Override
        public String label(FollowedReport report) {
            return report.origin().code();
        }
    },
    /** The form of exploitation of the registration. */
    FORM("exploitationForm", ExploitationForm.values()) {
        @Override
        public String label(FollowedReport report) {
            return report.form().code();
        }
    };

    private final String dimensionName;
    private final List<String> labels;

    FollowUpDimension(String dimensionName, CodeList[] values) {
        this.dimensionName = dimensionName;
        List<String> codes = new ArrayList<>();
        for (CodeList value : values) {
            codes.add(value.code());
        }
        this.labels = List.copyOf(codes);
    }

    /**
     * The group of a report.
     *
     * @param report the report
     * @return its code in this dimension
     */
    public abstract String label(FollowedReport report);

    /**
     * The dimension's name in tables.
     *
     * @return e.g. {@code "dublinStatus"}
     */
    public String dimensionName() {
        return dimensionName;
    }

    /**
     * Every group, in the order of the code list.
     *
     * @return the codes
     */
    public List<String> labels() {
        return labels;
    }
}
