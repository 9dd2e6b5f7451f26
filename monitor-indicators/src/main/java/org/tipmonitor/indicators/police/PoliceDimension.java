package org.tipmonitor.indicators.police;

import java.util.List;
import java.util.Objects;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.VictimOriginGroup;

/**
 * The dimensions of the police-signal view ({@link PoliceSignalCount}). Each constant knows its table name,
 * extracts the category of a cell and lists its categories: the years of the period, or the exchange codes of a
 * model code list in the code list's order, {@code unknown} included.
 */
public enum PoliceDimension {

    /** The calendar year; categories are the period's years. */
    YEAR("year") {
        @Override
        public String category(PoliceSignalCount cell) {
            return Integer.toString(cell.year());
        }

        @Override
        public List<String> categories(YearRange period) {
            return period.labels();
        }
    },
    /** The form of exploitation ({@link ExploitationForm}). */
    EXPLOITATION_FORM("exploitationForm") {
        @Override
        public String category(PoliceSignalCount cell) {
            return cell.form().code();
        }

        @Override
        public List<String> categories(YearRange period) {
            return CodeList.codes(ExploitationForm.values());
        }
    },
    /** The victim origin group: Dutch, EU, African, other, unknown ({@link VictimOriginGroup}). */
    ORIGIN("origin") {
        @Override
        public String category(PoliceSignalCount cell) {
            return cell.origin().code();
        }

        @Override
        public List<String> categories(YearRange period) {
            return CodeList.codes(VictimOriginGroup.values());
        }
    },
    /** Whether the Dublin Regulation applies ({@link DublinStatus}). */
    DUBLIN_STATUS("dublinStatus") {
        @Override
        public String category(PoliceSignalCount cell) {
            return cell.dublinStatus().code();
        }

        @Override
        public List<String> categories(YearRange period) {
            return CodeList.codes(DublinStatus.values());
        }
    };

    private final String tableName;

    PoliceDimension(String tableName) {
        this.tableName = tableName;
    }

    /**
     * The dimension's name in a count table, e.g. {@code "origin"}.
     *
     * @return the name
     */
    public String tableName() {
        return tableName;
    }

    /**
     * The category of a cell of the police-signal view.
     *
     * @param cell the cell
     * @return the category label: a year or a code-list code
     */
    public abstract String category(PoliceSignalCount cell);

    /**
     * All categories in order.
     *
     * @param period the period tabulated
     * @return the labels (unmodifiable)
     */
    public abstract List<String> categories(YearRange period);

    /**
     * The table dimension: this constant's name and categories.
     *
     * @param period the period tabulated
     * @return the dimension
     * @throws NullPointerException if period is null
     */
    public Dimension dimension(YearRange period) {
        return new Dimension(tableName, categories(Objects.requireNonNull(period, "period")));
    }

}
