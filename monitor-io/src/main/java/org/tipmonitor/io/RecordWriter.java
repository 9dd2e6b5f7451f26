package org.tipmonitor.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import org.tipmonitor.io.internal.Jackson;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.PoliceReport;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.ProgrammeMeasure;
import org.tipmonitor.model.StatusChange;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.ResidenceStageChange;
import org.tipmonitor.model.Sentence;
import org.tipmonitor.model.Victim;

/**
 * A streaming write of one exchange file, from {@link ExchangeWriter#open(OutputStream, Dataset)}. Records are
 * written as they come, in canonical order: all victims, then registrations, offenders, cases, police-signal
 * counts, police reports, programme measures and residence-stage histories (format 1.1); a record of an earlier kind after a later one is refused ({@link IoRule#WRITE_ORDER}). {@link #close()}
 * ends the open array, writes the arrays {@code victims}, {@code registrations}, {@code offenders} and
 * {@code offenderCases} not yet written as empty ones (an empty {@code policeSignals} or {@code policeReports} is
 * left out) and completes
 * the document; it does not close the output stream. Not thread-safe.
 */
public final class RecordWriter implements AutoCloseable {

    private final JsonGenerator out;
    private final String formatVersion;
    private int section = -1;
    private boolean open;
    private boolean closed;
    private boolean failed;

    /** The body of one record's write. */
    private interface Body {
        void write() throws IOException;
    }

    RecordWriter(OutputStream stream, Dataset dataset, boolean prettyPrint, String formatVersion) {
        this.formatVersion = formatVersion;
        try {
            out = Jackson.JSON.createGenerator(stream);
            if (prettyPrint) {
                out.useDefaultPrettyPrinter();
            }
            out.writeStartObject();
            out.writeStringField("formatVersion", formatVersion);
            out.writeObjectFieldStart("dataset");
            out.writeStringField("id", dataset.id());
            code("producer", dataset.producer());
            date("periodFrom", dataset.periodFrom());
            date("periodTo", dataset.periodTo());
            out.writeStringField("created", dataset.created().toString());
            if (dataset.sourcePublication() != null) {
                out.writeStringField("sourcePublication", dataset.sourcePublication());
            }
            if (dataset.edition() != null) {
                out.writeStringField("edition", dataset.edition());
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Writes a victim.
     *
     * @param victim the victim
     * @return this writer
     * @throws ExchangeException ({@link IoRule#WRITE_ORDER}) after a record of a later kind (registrations and
     *                           on) or after close; ({@link IoRule#INCOMPLETE_RECORD}) if a required value is
     *                           null; ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public RecordWriter victim(Victim victim) {
        return write(0, () -> {
            out.writeStartObject();
            out.writeStringField("key", ExchangeWriter.required(victim.key(), "Victim.key").value());
            code("sex", victim.sex());
            birthDate(victim.birthDate());
            out.writeStringField("nationality",
                    ExchangeWriter.required(victim.nationality(), "Victim.nationality").code());
            out.writeEndObject();
        });
    }

    /**
     * Writes a registration.
     *
     * @param registration the registration
     * @return this writer
     * @throws ExchangeException ({@link IoRule#WRITE_ORDER}) after a record of a later kind (offenders and on) or
     *                           after close; ({@link IoRule#INCOMPLETE_RECORD}) if a required value is null;
     *                           ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public RecordWriter registration(Registration registration) {
        return write(1, () -> {
            out.writeStartObject();
            out.writeStringField("id", ExchangeWriter.required(registration.id(), "Registration.id").value());
            out.writeStringField("victimKey",
                    ExchangeWriter.required(registration.victimKey(), "Registration.victimKey").value());
            date("reportDate", ExchangeWriter.required(registration.reportDate(), "Registration.reportDate"));
            code("reporterType", registration.reporterType());
            code("form", registration.form());
            code("route", registration.route());
            code("sector", registration.sector());
            code("legalBasis", registration.legalBasis());
            code("dublinStatus", registration.dublinStatus());
            code("residenceStage", registration.residenceStage());
            code("policeReportFiled", registration.policeReportFiled());
            out.writeEndObject();
        });
    }

    /**
     * Writes an offender.
     *
     * @param offender the offender
     * @return this writer
     * @throws ExchangeException ({@link IoRule#WRITE_ORDER}) after cases or a later kind, or after close;
     *                           ({@link IoRule#INCOMPLETE_RECORD}) if a required value is null;
     *                           ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public RecordWriter offender(Offender offender) {
        return write(2, () -> {
            out.writeStartObject();
            out.writeStringField("key", ExchangeWriter.required(offender.key(), "Offender.key").value());
            code("sex", offender.sex());
            birthDate(offender.birthDate());
            out.writeStringField("countryOfBirth",
                    ExchangeWriter.required(offender.countryOfBirth(), "Offender.countryOfBirth").code());
            out.writeStringField("nationality",
                    ExchangeWriter.required(offender.nationality(), "Offender.nationality").code());
            out.writeEndObject();
        });
    }

    /**
     * Writes a case.
     *
     * @param offenderCase the case
     * @return this writer
     * @throws ExchangeException ({@link IoRule#WRITE_ORDER}) after police-signal counts or a later kind, or after
     *                           close;
     *                           ({@link IoRule#INCOMPLETE_RECORD}) if a required value is null;
     *                           ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public RecordWriter offenderCase(OffenderCase offenderCase) {
        return write(3, () -> {
            out.writeStartObject();
            out.writeStringField("id", ExchangeWriter.required(offenderCase.id(), "OffenderCase.id").value());
            out.writeStringField("offenderKey",
                    ExchangeWriter.required(offenderCase.offenderKey(), "OffenderCase.offenderKey").value());
            if (offenderCase.offenceDate() != null) {
                date("offenceDate", offenderCase.offenceDate());
            }
            date("prosecutorRegistrationDate", ExchangeWriter.required(offenderCase.prosecutorRegistrationDate(),
                    "OffenderCase.prosecutorRegistrationDate"));
            code("form", offenderCase.form());
            code("subsection", offenderCase.subsection());
            var decision = ExchangeWriter.required(offenderCase.decision(), "OffenderCase.decision");
            out.writeObjectFieldStart("decision");
            code("type", decision.type());
            if (decision.date() != null) {
                date("date", decision.date());
            }
            out.writeEndObject();
            var verdict = ExchangeWriter.required(offenderCase.verdict(), "OffenderCase.verdict");
            out.writeObjectFieldStart("verdict");
            code("outcome", verdict.outcome());
            if (verdict.date() != null) {
                date("date", verdict.date());
            }
            out.writeEndObject();
            Sentence sentence = ExchangeWriter.required(offenderCase.sentence(), "OffenderCase.sentence");
            out.writeObjectFieldStart("sentence");
            out.writeNumberField("unconditionalCustodialMonths", sentence.unconditionalCustodialMonths());
            out.writeNumberField("conditionalCustodialMonths", sentence.conditionalCustodialMonths());
            out.writeNumberField("communityServiceHours", sentence.communityServiceHours());
            out.writeNumberField("fineEuros", sentence.fineEuros());
            code("measure", sentence.measure());
            out.writeEndObject();
            out.writeEndObject();
        });
    }

    /**
     * Writes a police-signal count. The writer does not check that each cell is written once; the reader does
     * ({@link IoRule#DUPLICATE_CELL}).
     *
     * @param policeSignal the count of one cell
     * @return this writer
     * @throws ExchangeException ({@link IoRule#WRITE_ORDER}) after police reports, programme measures or close;
     *                           ({@link IoRule#INCOMPLETE_RECORD}) if a required value is null;
     *                           ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public RecordWriter policeSignal(PoliceSignalCount policeSignal) {
        return write(4, () -> {
            out.writeStartObject();
            out.writeNumberField("year", policeSignal.year());
            code("series", policeSignal.series());
            code("form", policeSignal.form());
            code("origin", policeSignal.origin());
            code("dublinStatus", policeSignal.dublinStatus());
            out.writeNumberField("count", policeSignal.count());
            out.writeEndObject();
        });
    }

    /**
     * Writes a police report with the cases it led to. The writer does not check that the registration and cases
     * are in the file; the reader does ({@link IoRule#UNRESOLVED_REGISTRATION}, {@link IoRule#UNRESOLVED_CASE}).
     *
     * @param policeReport the report
     * @return this writer
     * @throws ExchangeException ({@link IoRule#INVALID_ARGUMENT}) if the writer declares format 1.0, which has no
     *                           police reports (open it from {@link ExchangeWriter#withFormatVersion(String)});
     *                           ({@link IoRule#WRITE_ORDER}) after programme measures or close;
     *                           ({@link IoRule#INCOMPLETE_RECORD}) if a required value is null;
     *                           ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public RecordWriter policeReport(PoliceReport policeReport) {
        if (ExchangeFormat.FORMAT_VERSION.equals(formatVersion)) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "police reports need format version "
                    + ExchangeFormat.FORMAT_VERSION_1_1 + "; this writer declares " + formatVersion
                    + " (open it from ExchangeWriter.withFormatVersion(\"1.1\"))");
        }
        return write(5, () -> {
            out.writeStartObject();
            out.writeStringField("registrationId",
                    ExchangeWriter.required(policeReport.registrationId(), "PoliceReport.registrationId").value());
            date("filedDate", ExchangeWriter.required(policeReport.filedDate(), "PoliceReport.filedDate"));
            out.writeArrayFieldStart("caseIds");
            for (CaseId id : ExchangeWriter.required(policeReport.caseIds(), "PoliceReport.caseIds")) {
                out.writeString(ExchangeWriter.required(id, "PoliceReport.caseIds element").value());
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    /**
     * Writes a programme measure with its status history.
     *
     * @param measure the measure
     * @return this writer
     * @throws ExchangeException ({@link IoRule#INVALID_ARGUMENT}) if the writer declares format 1.0;
     *                           ({@link IoRule#WRITE_ORDER}) after close; ({@link IoRule#INCOMPLETE_RECORD}) if a
     *                           required value is null; ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public RecordWriter programmeMeasure(ProgrammeMeasure measure) {
        if (ExchangeFormat.FORMAT_VERSION.equals(formatVersion)) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "programme measures need format version "
                    + ExchangeFormat.FORMAT_VERSION_1_1 + "; this writer declares " + formatVersion
                    + " (open it from ExchangeWriter.withFormatVersion(\"1.1\"))");
        }
        return write(6, () -> {
            out.writeStartObject();
            out.writeStringField("id", ExchangeWriter.required(measure.id(), "ProgrammeMeasure.id"));
            out.writeStringField("programme", ExchangeWriter.required(measure.programme(),
                    "ProgrammeMeasure.programme"));
            out.writeStringField("title", ExchangeWriter.required(measure.title(), "ProgrammeMeasure.title"));
            out.writeStringField("responsibleOrganisation", ExchangeWriter.required(
                    measure.responsibleOrganisation(), "ProgrammeMeasure.responsibleOrganisation"));
            if (measure.goal() != null) {
                out.writeStringField("goal", measure.goal());
            }
            if (measure.plannedStart() != null) {
                date("plannedStart", measure.plannedStart());
            }
            if (measure.plannedEnd() != null) {
                date("plannedEnd", measure.plannedEnd());
            }
            out.writeArrayFieldStart("statusHistory");
            for (StatusChange change : ExchangeWriter.required(measure.statusHistory(),
                    "ProgrammeMeasure.statusHistory")) {
                out.writeStartObject();
                code("status", change.status());
                date("effectiveDate", ExchangeWriter.required(change.effectiveDate(), "StatusChange.effectiveDate"));
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayFieldStart("outcomeIndicators");
            for (String indicator : ExchangeWriter.required(measure.outcomeIndicators(),
                    "ProgrammeMeasure.outcomeIndicators")) {
                out.writeString(indicator);
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    /**
     * Writes a registration's residence-stage history. The writer does not check that the registration is in the
     * file or that the dates fit it; the reader does ({@link IoRule#UNRESOLVED_STAGE_REGISTRATION},
     * {@link IoRule#STAGE_BEFORE_REPORT}, {@link IoRule#STAGE_AFTER_CREATION}, {@link IoRule#STAGE_DISAGREES}).
     *
     * @param history the history
     * @return this writer
     * @throws ExchangeException ({@link IoRule#INVALID_ARGUMENT}) if the writer declares format 1.0;
     *                           ({@link IoRule#WRITE_ORDER}) after close; ({@link IoRule#INCOMPLETE_RECORD}) if a
     *                           required value is null; ({@link IoRule#IO_FAILURE}) if writing fails
     */
    public RecordWriter residenceHistory(ResidenceHistory history) {
        if (ExchangeFormat.FORMAT_VERSION.equals(formatVersion)) {
            throw new ExchangeException(IoRule.INVALID_ARGUMENT, "residence-stage histories need format version "
                    + ExchangeFormat.FORMAT_VERSION_1_1 + "; this writer declares " + formatVersion
                    + " (open it from ExchangeWriter.withFormatVersion(\"1.1\"))");
        }
        return write(7, () -> {
            out.writeStartObject();
            out.writeStringField("registrationId",
                    ExchangeWriter.required(history.registrationId(), "ResidenceHistory.registrationId").value());
            out.writeArrayFieldStart("stages");
            for (ResidenceStageChange change : ExchangeWriter.required(history.stages(), "ResidenceHistory.stages")) {
                out.writeStartObject();
                code("stage", ExchangeWriter.required(change, "ResidenceHistory.stages element").stage());
                date("effectiveDate", ExchangeWriter.required(change.effectiveDate(),
                        "ResidenceStageChange.effectiveDate"));
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    /**
     * Completes the document: ends the open array, writes the remaining arrays that are always present empty,
     * ends the object and flushes. Closing twice does nothing. The output stream stays open.
     *
     * <p>After a failed write (a record lacking a required value, an I/O error) the document is <em>not</em>
     * completed: close only flushes what was written, so the output is visibly truncated JSON that no reader
     * takes for a whole file.
     *
     * @throws ExchangeException ({@link IoRule#IO_FAILURE}) if writing fails
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (!failed) {
                enter(ExchangeWriter.SECTIONS.length);
                out.writeEndObject();
            }
            closed = true;
            out.close();
        } catch (IOException e) {
            closed = true;
            throw failure(e);
        }
    }

    private RecordWriter write(int target, Body body) {
        enter(target);
        try {
            body.write();
        } catch (IOException e) {
            failed = true;
            throw failure(e);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        return this;
    }

    private void enter(int target) {
        if (closed) {
            throw new ExchangeException(IoRule.WRITE_ORDER, "the writer is closed");
        }
        if (failed) {
            throw new ExchangeException(IoRule.WRITE_ORDER, "an earlier write failed; the document is left"
                    + " incomplete");
        }
        if (target < section) {
            throw new ExchangeException(IoRule.WRITE_ORDER, "cannot write " + ExchangeWriter.SECTIONS[target].property()
                    + " after " + ExchangeWriter.SECTIONS[section].property() + "; the canonical order is victims,"
                    + " registrations, offenders, offenderCases, policeSignals, policeReports, programmeMeasures,"
                    + " residenceStages");
        }
        try {
            while (section < target) {
                if (open) {
                    out.writeEndArray();
                    open = false;
                }
                section++;
                if (section < ExchangeWriter.SECTIONS.length
                        && (section < ExchangeWriter.ALWAYS_WRITTEN || section == target)) {
                    out.writeArrayFieldStart(ExchangeWriter.SECTIONS[section].property());
                    open = true;
                }
            }
        } catch (IOException e) {
            failed = true;
            throw failure(e);
        }
    }

    private void code(String name, CodeList value) throws IOException {
        if (value == null) {
            throw new ExchangeException(IoRule.INCOMPLETE_RECORD, "'" + name + "' is required but null; validate"
                    + " records before writing them");
        }
        out.writeStringField(name, value.code());
    }

    private void date(String name, LocalDate value) throws IOException {
        out.writeStringField(name, value.toString());
    }

    private void birthDate(BirthDate birthDate) throws IOException {
        ExchangeWriter.required(birthDate, "birthDate");
        out.writeObjectFieldStart("birthDate");
        if (birthDate.date() != null) {
            date("date", birthDate.date());
        }
        code("precision", birthDate.precision());
        out.writeEndObject();
    }

    private static ExchangeException failure(IOException e) {
        return new ExchangeException(IoRule.IO_FAILURE, "writing the exchange file failed: "
                + org.tipmonitor.io.internal.Values.reason(e), e);
    }
}
