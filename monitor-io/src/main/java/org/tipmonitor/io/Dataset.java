package org.tipmonitor.io;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The metadata of an exchange file ({@code /dataset}): which dataset it is, who produced it, which period it
 * covers, when it was created and, where the data restate a published table, the publication and its edition.
 *
 * <p>The period bounds the counting dates: every registration's report date and every case's date of
 * registration at the public prosecutor lie within it (rule {@link IoRule#OUTSIDE_PERIOD}). Editions matter
 * because the monitors revise their figures between editions (the 2014 count is 1,255 in one edition and 1,256
 * in the next).
 *
 * @param id                the dataset's identifier: 1 to 64 characters from {@code [A-Za-z0-9_.-]}, starting
 *                          with a letter or digit
 * @param producer          the type of organisation that produced the file
 * @param periodFrom        the first day of the period covered
 * @param periodTo          the last day of the period covered, not before {@code periodFrom}
 * @param created           when the file was created
 * @param sourcePublication the publication whose tables the data restate (at most 200 characters), or
 *                          {@code null}
 * @param edition           the edition of that publication (at most 50 characters), or {@code null}
 */
public record Dataset(String id, ProducerType producer, LocalDate periodFrom, LocalDate periodTo, Instant created,
                      String sourcePublication, String edition) {

    /** The accepted shape of a dataset identifier. */
    public static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";
    /** The maximum length of {@link #sourcePublication()}. */
    public static final int MAX_PUBLICATION_LENGTH = 200;
    /** The maximum length of {@link #edition()}. */
    public static final int MAX_EDITION_LENGTH = 50;

    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    /**
     * Checks the metadata.
     *
     * @throws NullPointerException if a required component is null
     * @throws ExchangeException    ({@link IoRule#DATASET_VALUE}) if the id has another shape or a text is too
     *                              long or blank; ({@link IoRule#DATASET_PERIOD}) if the period ends before it
     *                              starts
     */
    public Dataset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(periodFrom, "periodFrom");
        Objects.requireNonNull(periodTo, "periodTo");
        Objects.requireNonNull(created, "created");
        if (!ID.matcher(id).matches()) {
            throw new ExchangeException(IoRule.DATASET_VALUE, "dataset id must match " + ID_PATTERN
                    + " (value withheld)");
        }
        checkText("sourcePublication", sourcePublication, MAX_PUBLICATION_LENGTH);
        checkText("edition", edition, MAX_EDITION_LENGTH);
        if (periodTo.isBefore(periodFrom)) {
            throw new ExchangeException(IoRule.DATASET_PERIOD, "dataset period ends (" + periodTo
                    + ") before it starts (" + periodFrom + ")");
        }
    }

    private static void checkText(String name, String value, int maxLength) {
        if (value != null && (value.isBlank() || value.length() > maxLength)) {
            throw new ExchangeException(IoRule.DATASET_VALUE, name + " must be 1 to " + maxLength
                    + " characters and not blank, got " + value.length() + " characters");
        }
    }

    /**
     * Metadata without a source publication.
     *
     * @param id         the identifier
     * @param producer   the producer
     * @param periodFrom the first day of the period
     * @param periodTo   the last day of the period
     * @param created    when the file was created
     * @return the metadata
     */
    public static Dataset of(String id, ProducerType producer, LocalDate periodFrom, LocalDate periodTo,
                             Instant created) {
        return new Dataset(id, producer, periodFrom, periodTo, created, null, null);
    }

    /**
     * A copy that names the publication and edition whose tables the data restate.
     *
     * @param publication the publication
     * @param edition     its edition, or {@code null}
     * @return the copy
     */
    public Dataset withSource(String publication, String edition) {
        return new Dataset(id, producer, periodFrom, periodTo, created, publication, edition);
    }

    /**
     * Whether a day lies within the period.
     *
     * @param date the day
     * @return true when {@code periodFrom <= date <= periodTo}
     */
    public boolean covers(LocalDate date) {
        return !date.isBefore(periodFrom) && !date.isAfter(periodTo);
    }

    /**
     * The source publication.
     *
     * @return the publication, or empty
     */
    public Optional<String> source() {
        return Optional.ofNullable(sourcePublication);
    }
}
