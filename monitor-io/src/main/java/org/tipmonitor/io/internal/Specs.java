package org.tipmonitor.io.internal;

import static org.tipmonitor.io.internal.ObjectSpec.code;
import static org.tipmonitor.io.internal.ObjectSpec.date;
import static org.tipmonitor.io.internal.ObjectSpec.integer;
import static org.tipmonitor.io.internal.ObjectSpec.longInteger;
import static org.tipmonitor.io.internal.ObjectSpec.object;
import static org.tipmonitor.io.internal.ObjectSpec.objectList;
import static org.tipmonitor.io.internal.ObjectSpec.string;
import static org.tipmonitor.io.internal.ObjectSpec.stringList;
import static org.tipmonitor.io.internal.ObjectSpec.timestamp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tipmonitor.io.ProducerType;
import org.tipmonitor.model.Article273fSubsection;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.Country;
import org.tipmonitor.model.DatePrecision;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.LegalBasis;
import org.tipmonitor.model.MeasureStatus;
import org.tipmonitor.model.Nationality;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.PersonKey;
import org.tipmonitor.model.PoliceReport;
import org.tipmonitor.model.PoliceSeries;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.ProgrammeMeasure;
import org.tipmonitor.model.ProsecutionDecision;
import org.tipmonitor.model.ProsecutorDecisionType;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.RegistrationId;
import org.tipmonitor.model.ReporterType;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.ResidenceSchemeStage;
import org.tipmonitor.model.ResidenceStageChange;
import org.tipmonitor.model.Sector;
import org.tipmonitor.model.Sentence;
import org.tipmonitor.model.SentenceMeasure;
import org.tipmonitor.model.Sex;
import org.tipmonitor.model.StatusChange;
import org.tipmonitor.model.TraffickingRoute;
import org.tipmonitor.model.Verdict;
import org.tipmonitor.model.VerdictOutcome;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimOriginGroup;
import org.tipmonitor.model.YesNoUnknown;

/**
 * The JSON shapes of exchange format v1. The property order here is the canonical order the writer uses; the
 * JSON Schema resource describes the same shapes (a test checks both directions). Not part of the API.
 */
public final class Specs {

    private Specs() {
    }

    /** A birth date: {@code {"date": "2001-01-01", "precision": "year"}}, no date when unknown. */
    public static final ObjectSpec BIRTH_DATE = new ObjectSpec("BirthDate", List.of(
            date("date", false),
            code("precision", DatePrecision.class)),
            v -> new BirthDate((LocalDate) v[0], (DatePrecision) v[1]));

    /** The prosecutor's decision. */
    public static final ObjectSpec DECISION = new ObjectSpec("ProsecutionDecision", List.of(
            code("type", ProsecutorDecisionType.class),
            date("date", false)),
            v -> new ProsecutionDecision((ProsecutorDecisionType) v[0], (LocalDate) v[1]));

    /** The first-instance verdict. */
    public static final ObjectSpec VERDICT = new ObjectSpec("Verdict", List.of(
            code("outcome", VerdictOutcome.class),
            date("date", false)),
            v -> new Verdict((VerdictOutcome) v[0], (LocalDate) v[1]));

    /** The sentence. */
    public static final ObjectSpec SENTENCE = new ObjectSpec("Sentence", List.of(
            integer("unconditionalCustodialMonths"),
            integer("conditionalCustodialMonths"),
            integer("communityServiceHours"),
            longInteger("fineEuros"),
            code("measure", SentenceMeasure.class)),
            v -> new Sentence((Integer) v[0], (Integer) v[1], (Integer) v[2], (Long) v[3],
                    (SentenceMeasure) v[4]));

    /** A victim. */
    public static final ObjectSpec VICTIM = new ObjectSpec("Victim", List.of(
            string("key", true),
            code("sex", Sex.class),
            object("birthDate", BIRTH_DATE),
            string("nationality", true)),
            v -> new Victim(PersonKey.of((String) v[0]), (Sex) v[1], (BirthDate) v[2],
                    Nationality.of((String) v[3])));

    /** A registration. */
    public static final ObjectSpec REGISTRATION = new ObjectSpec("Registration", List.of(
            string("id", true),
            string("victimKey", true),
            date("reportDate", true),
            code("reporterType", ReporterType.class),
            code("form", ExploitationForm.class),
            code("route", TraffickingRoute.class),
            code("sector", Sector.class),
            code("legalBasis", LegalBasis.class),
            code("dublinStatus", DublinStatus.class),
            code("residenceStage", ResidenceSchemeStage.class),
            code("policeReportFiled", YesNoUnknown.class)),
            v -> new Registration(RegistrationId.of((String) v[0]), PersonKey.of((String) v[1]), (LocalDate) v[2],
                    (ReporterType) v[3], (ExploitationForm) v[4], (TraffickingRoute) v[5], (Sector) v[6],
                    (LegalBasis) v[7], (DublinStatus) v[8], (ResidenceSchemeStage) v[9], (YesNoUnknown) v[10]));

    /** An offender. */
    public static final ObjectSpec OFFENDER = new ObjectSpec("Offender", List.of(
            string("key", true),
            code("sex", Sex.class),
            object("birthDate", BIRTH_DATE),
            string("countryOfBirth", true),
            string("nationality", true)),
            v -> new Offender(PersonKey.of((String) v[0]), (Sex) v[1], (BirthDate) v[2],
                    Country.of((String) v[3]), Nationality.of((String) v[4])));

    /** A case. */
    public static final ObjectSpec OFFENDER_CASE = new ObjectSpec("OffenderCase", List.of(
            string("id", true),
            string("offenderKey", true),
            date("offenceDate", false),
            date("prosecutorRegistrationDate", true),
            code("form", ExploitationForm.class),
            code("subsection", Article273fSubsection.class),
            object("decision", DECISION),
            object("verdict", VERDICT),
            object("sentence", SENTENCE)),
            v -> new OffenderCase(CaseId.of((String) v[0]), PersonKey.of((String) v[1]), (LocalDate) v[2],
                    (LocalDate) v[3], (ExploitationForm) v[4], (Article273fSubsection) v[5],
                    (ProsecutionDecision) v[6], (Verdict) v[7], (Sentence) v[8]));

    /** A police-signal count: one cell of the police-signal view. */
    public static final ObjectSpec POLICE_SIGNAL = new ObjectSpec("PoliceSignalCount", List.of(
            integer("year"),
            code("series", PoliceSeries.class),
            code("form", ExploitationForm.class),
            code("origin", VictimOriginGroup.class),
            code("dublinStatus", DublinStatus.class),
            longInteger("count")),
            v -> new PoliceSignalCount((Integer) v[0], (PoliceSeries) v[1], (ExploitationForm) v[2],
                    (VictimOriginGroup) v[3], (DublinStatus) v[4], (Long) v[5]));

    /** A police report with the cases it led to (format 1.1). */
    public static final ObjectSpec POLICE_REPORT = new ObjectSpec("PoliceReport", List.of(
            string("registrationId", true),
            date("filedDate", true),
            stringList("caseIds")),
            v -> new PoliceReport(RegistrationId.of((String) v[0]), (LocalDate) v[1], caseIds(v[2])));

    /** A status change of a programme measure. */
    public static final ObjectSpec STATUS_CHANGE = new ObjectSpec("StatusChange", List.of(
            code("status", MeasureStatus.class),
            date("effectiveDate", true)),
            v -> new StatusChange((MeasureStatus) v[0], (LocalDate) v[1]));

    /** A programme measure (format 1.1). */
    public static final ObjectSpec PROGRAMME_MEASURE = new ObjectSpec("ProgrammeMeasure", List.of(
            string("id", true),
            string("programme", true),
            string("title", true),
            string("responsibleOrganisation", true),
            string("goal", false),
            date("plannedStart", false),
            date("plannedEnd", false),
            objectList("statusHistory", STATUS_CHANGE),
            stringList("outcomeIndicators")),
            v -> new ProgrammeMeasure((String) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4],
                    (LocalDate) v[5], (LocalDate) v[6], statusChanges(v[7]), strings(v[8])));

    /** A dated stage of the residence scheme. */
    public static final ObjectSpec RESIDENCE_STAGE_CHANGE = new ObjectSpec("ResidenceStageChange", List.of(
            code("stage", ResidenceSchemeStage.class),
            date("effectiveDate", true)),
            v -> new ResidenceStageChange((ResidenceSchemeStage) v[0], (LocalDate) v[1]));

    /** The dated residence-scheme stages of a registration's victim (format 1.1). */
    public static final ObjectSpec RESIDENCE_HISTORY = new ObjectSpec("ResidenceHistory", List.of(
            string("registrationId", true),
            objectList("stages", RESIDENCE_STAGE_CHANGE)),
            v -> new ResidenceHistory(RegistrationId.of((String) v[0]), stageChanges(v[1])));

    /**
     * The dataset metadata. Its values are built into an {@code Object[]} and checked by the reader before the
     * {@link org.tipmonitor.io.Dataset} is constructed.
     */
    public static final ObjectSpec DATASET = new ObjectSpec("Dataset", List.of(
            string("id", true),
            code("producer", ProducerType.class),
            date("periodFrom", true),
            date("periodTo", true),
            timestamp("created"),
            string("sourcePublication", false),
            string("edition", false)),
            v -> v.clone());

    /** The top-level properties in canonical order; the last three were added in format 1.1. */
    public static final List<String> TOP_LEVEL = List.of(
            "formatVersion", "dataset", "victims", "registrations", "offenders", "offenderCases", "policeSignals",
            "policeReports", "programmeMeasures", "residenceStages");

    private static List<ResidenceStageChange> stageChanges(Object value) {
        List<ResidenceStageChange> changes = new ArrayList<>();
        for (Object change : (List<?>) value) {
            changes.add((ResidenceStageChange) change);
        }
        return changes;
    }

    private static List<StatusChange> statusChanges(Object value) {
        List<StatusChange> changes = new ArrayList<>();
        for (Object change : (List<?>) value) {
            changes.add((StatusChange) change);
        }
        return changes;
    }

    private static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        for (Object string : (List<?>) value) {
            strings.add((String) string);
        }
        return strings;
    }

    private static List<CaseId> caseIds(Object value) {
        List<CaseId> ids = new ArrayList<>();
        for (Object id : (List<?>) value) {
            ids.add(CaseId.of((String) id));
        }
        return ids;
    }

    /** Marker for a value that could not be decoded. */
    public static final Object INVALID = new Object() {
        @Override
        public String toString() {
            return "INVALID";
        }
    };
}
