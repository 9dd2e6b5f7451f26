package org.tipmonitor.indicators.victims;

import java.util.List;
import java.util.Objects;
import org.tipmonitor.indicators.YearRange;
import org.tipmonitor.indicators.tables.Dimension;
import org.tipmonitor.model.AgeGroup;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.LegalBasis;
import org.tipmonitor.model.NationalityRegion;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.ReporterType;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.YesNoUnknown;

/**
 * The dimensions by which registrations of presumed victims, or the victims themselves, are cross-tabulated. Each
 * constant knows its table name, extracts the category of a (victim, registration) pair and lists its categories:
 * the years of the period, or the exchange codes ({@link CodeList#code()}) of a model code list in the code list's
 * order, {@code unknown} included. A category therefore never depends on the data that happen to be present, and
 * tables of different datasets over the same period have the same shape.
 *
 * <p>Every category is taken at the registration: the year and the age group are those of the report date, the
 * investigative status is the reporter's on the report date ({@link Registration#reporterInvestigative()}).
 */
public enum VictimDimension {

    /** The registration year, the year of the report (melding); categories are the period's years. */
    YEAR("year") {
        @Override
        public String category(Victim victim, Registration registration) {
            return Integer.toString(registration.reportYear());
        }

        @Override
        public List<String> categories(YearRange period) {
            return period.labels();
        }
    },
    /** The form of exploitation ({@link ExploitationForm}). */
    EXPLOITATION_FORM("exploitationForm") {
        @Override
        public String category(Victim victim, Registration registration) {
            return registration.form().code();
        }

        @Override
        public List<String> categories(YearRange period) {
            return CodeList.codes(ExploitationForm.values());
        }
    },
    /** The type of reporting organisation, aanmelder ({@link ReporterType}). */
    REPORTER_TYPE("reporterType") {
        @Override
        public String category(Victim victim, Registration registration) {
            return registration.reporterType().code();
        }

        @Override
        public List<String> categories(YearRange period) {
            return CodeList.codes(ReporterType.values());
        }
    },
    /**
     * Whether the reporter was an investigative authority (opsporingsinstantie) on the report date: {@code yes},
     * {@code no} or {@code unknown} ({@link YesNoUnknown}).
     */
    INVESTIGATIVE_REPORTER("investigativeReporter") {
        @Override
        public String category(Victim victim, Registration registration) {
            return registration.reporterInvestigative().code();
        }

        @Override
        public List<String> categories(YearRange period) {
            return CodeList.codes(YesNoUnknown.values());
        }
    },
    /** The legal basis for reporting ({@link LegalBasis}). */
    LEGAL_BASIS("legalBasis") {
        @Override
        public String category(Victim victim, Registration registration) {
            return registration.legalBasis().code();
        }

        @Override
        public List<String> categories(YearRange period) {
            return CodeList.codes(LegalBasis.values());
        }
    },
    /** The victim's sex as registered ({@link Sex}). */
    SEX("sex") {
        @Override
        public String category(Victim victim, Registration registration) {
            return victim.sex().code();
        }

        @Override
        public List<String> categories(YearRange period) {
            return CodeList.codes(Sex.values());
        }
    },
    /** The victim's age group at the report date ({@link AgeGroup}; {@code unknown} for an unknown birth date). */
    AGE_GROUP("ageGroupAtReport") {
        @Override
        public String category(Victim victim, Registration registration) {
            return victim.ageGroupAt(registration.reportDate()).code();
        }

        @Override
        public List<String> categories(YearRange period) {
            return CodeList.codes(AgeGroup.values());
        }
    },
    /** The region of the victim's nationality ({@link NationalityRegion}). */
    NATIONALITY_REGION("nationalityRegion") {
        @Override
        public String category(Victim victim, Registration registration) {
            return victim.nationalityRegion().code();
        }

        @Override
        public List<String> categories(YearRange period) {
            return CodeList.codes(NationalityRegion.values());
        }
    },
    /** Whether the Dublin Regulation applies at the registration ({@link DublinStatus}). */
    DUBLIN_STATUS("dublinStatus") {
        @Override
        public String category(Victim victim, Registration registration) {
            return registration.dublinStatus().code();
        }

        @Override
        public List<String> categories(YearRange period) {
            return CodeList.codes(DublinStatus.values());
        }
    };

    private final String tableName;

    VictimDimension(String tableName) {
        this.tableName = tableName;
    }

    /**
     * The dimension's name in a count table, e.g. {@code "exploitationForm"}.
     *
     * @return the name
     */
    public String tableName() {
        return tableName;
    }

    /**
     * The category of a registration of a victim.
     *
     * @param victim       the victim the registration belongs to
     * @param registration the registration
     * @return the category label: a year or a code-list code
     * @throws org.tipmonitor.model.ModelException if the report date lies before the victim's birth date (a record
     *         that fails validation)
     */
    public abstract String category(Victim victim, Registration registration);

    /**
     * All categories, in order: the years of the period for {@link #YEAR}, the code list's codes in its declared
     * order otherwise.
     *
     * @param period the period tabulated
     * @return the category labels (unmodifiable)
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
