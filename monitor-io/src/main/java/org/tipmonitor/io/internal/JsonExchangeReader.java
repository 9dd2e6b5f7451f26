package org.tipmonitor.io.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.CharConversionException;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.tipmonitor.io.Dataset;
import org.tipmonitor.io.ExchangeException;
import org.tipmonitor.io.ExchangeFormat;
import org.tipmonitor.io.IoRule;
import org.tipmonitor.io.Problem;
import org.tipmonitor.io.ProducerType;
import org.tipmonitor.io.RecordHandler;
import org.tipmonitor.io.RecordKind;
import org.tipmonitor.io.SafeText;
import org.tipmonitor.io.ValidationReport;
import org.tipmonitor.model.BirthDate;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.DublinStatus;
import org.tipmonitor.model.ExploitationForm;
import org.tipmonitor.model.ModelRule;
import org.tipmonitor.model.Offender;
import org.tipmonitor.model.OffenderCase;
import org.tipmonitor.model.CaseId;
import org.tipmonitor.model.PoliceReport;
import org.tipmonitor.model.PoliceSeries;
import org.tipmonitor.model.ProgrammeMeasure;
import org.tipmonitor.model.PoliceSignalCount;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.ResidenceHistory;
import org.tipmonitor.model.ResidenceSchemeStage;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimOriginGroup;
import org.tipmonitor.model.YesNoUnknown;

/**
 * The streaming reader of exchange format v1 (1.0 and 1.1), token by token on a Jackson parser, on a second thread
 * when that can help ({@link #readChecked}). Memory: one record at a time (at most some 2,000 in the hand-over
 * between the two threads), plus the sets of person keys (each with the person's earliest possible birth day, for rule TM-M-020)
 * and record identifiers needed for the file-level checks, plus the registrations and cases that refer to a person
 * not read yet, and the police reports and residence-stage histories (held until the end of the file, when every
 * registration and case they refer to has been accepted or rejected). Not part of the API.
 */
public final class JsonExchangeReader {

    /** The largest integer of a {@code LONG} property: 2^53 - 1, exact in every JSON implementation. */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private static final Pattern VERSION_SHAPE = Pattern.compile("^[0-9]{1,3}(\\.[0-9]{1,3}){0,2}$");
    private static final Pattern DATASET_ID = Pattern.compile(Dataset.ID_PATTERN);

    /**
     * The most registrations and cases held while they wait for their person (a person later in the file): some 30
     * MB. Beyond it a record that waits is rejected unchecked (rule {@link IoRule#LIMIT_EXCEEDED}), so that a file
     * of records whose persons never come cannot exhaust the memory (issue 13); files written persons first, as the
     * exchange writer writes them, hold none.
     */
    public static final int MAX_PENDING = 50_000;

    /** The handler of a validation: takes nothing. */
    private static final RecordHandler NO_HANDLER = new RecordHandler() { };

    private final RecordValidation validation;
    private final int errorLimit;
    private final boolean failFast;
    private final int maxPending;
    private final long flatAbove;
    private final int fingerprintBits;
    private final boolean pipelined;

    /**
     * A reader.
     *
     * @param validation the record validation
     * @param errorLimit the number of problems kept
     * @param failFast   whether the first problem stops the read
     */
    public JsonExchangeReader(RecordValidation validation, int errorLimit, boolean failFast) {
        this(validation, errorLimit, failFast, MAX_PENDING);
    }

    /**
     * A reader with another limit on the records held for their persons (for tests).
     *
     * @param validation the record validation
     * @param errorLimit the number of problems kept
     * @param failFast   whether the first problem stops the read
     * @param maxPending the most records held while they wait for their person
     */
    public JsonExchangeReader(RecordValidation validation, int errorLimit, boolean failFast, int maxPending) {
        this(validation, errorLimit, failFast, maxPending, -1, 64);
    }

    /**
     * A reader that validates files by fingerprint above another size, with other fingerprints (for tests).
     *
     * @param validation      the record validation
     * @param errorLimit      the number of problems kept
     * @param failFast        whether the first problem stops the read
     * @param maxPending      the most records held while they wait for their person
     * @param flatAbove       {@link #validate(Path)} checks a file longer than this many bytes by fingerprint; -1
     *                        for the default, the most memory the Java virtual machine will use
     * @param fingerprintBits the bits of the keyed hash a fingerprint keeps: 64, or fewer to force collisions
     */
    public JsonExchangeReader(RecordValidation validation, int errorLimit, boolean failFast, int maxPending,
                              long flatAbove, int fingerprintBits) {
        this(validation, errorLimit, failFast, maxPending, flatAbove, fingerprintBits, true);
    }

    /**
     * A reader that parses and checks on one thread or on two (for tests and benchmarks: the reports are the same).
     *
     * @param validation      the record validation
     * @param errorLimit      the number of problems kept
     * @param failFast        whether the first problem stops the read
     * @param maxPending      the most records held while they wait for their person
     * @param flatAbove       {@link #validate(Path)} checks a file longer than this many bytes by fingerprint; -1
     *                        for the default, the most memory the Java virtual machine will use
     * @param fingerprintBits the bits of the keyed hash a fingerprint keeps: 64, or fewer to force collisions
     * @param pipelined       whether a read may parse on a second thread (it does when the machine has two
     *                        processors or more and the read is not fail-fast)
     */
    public JsonExchangeReader(RecordValidation validation, int errorLimit, boolean failFast, int maxPending,
                              long flatAbove, int fingerprintBits, boolean pipelined) {
        this.pipelined = pipelined;
        this.validation = validation;
        this.errorLimit = errorLimit;
        this.failFast = failFast;
        this.maxPending = maxPending;
        this.flatAbove = flatAbove;
        this.fingerprintBits = fingerprintBits;
    }

    /**
     * Reads a document.
     *
     * @param in      the input; not closed
     * @param handler receives what is accepted
     * @return the report
     * @throws ExchangeException in fail-fast mode at the first problem
     */
    public ValidationReport read(InputStream in, RecordHandler handler) {
        Problems problems = new Problems(errorLimit, failFast);
        Run run = new Run(problems, handler);
        try {
            boolean complete = readChecked(run, in);
            return problems.report(complete);
        } catch (Problems.Stop stop) {
            throw new ExchangeException(problems.report(false));
        } catch (HandlerFailure failure) {
            throw failure.original;
        }
    }

    /**
     * Validates a document without handing on any record (parsing and checking on two threads when that can help,
     * as {@link #read} does).
     *
     * @param in the input; not closed
     * @return the report
     * @throws ExchangeException in fail-fast mode at the first problem
     */
    public ValidationReport validate(InputStream in) {
        return read(in, NO_HANDLER);
    }

    /**
     * Validates a file at a path without handing on any record. A file longer than the most memory the Java virtual
     * machine will use ({@link Runtime#maxMemory()}) is checked in flat memory (issue 14): the file-level key sets
     * hold 46-bit fingerprints of the keys ({@link FingerprintKeys}), not the keys, and the police reports and
     * residence-stage histories that wait for the end of the file wait on disk ({@link Fingerprints}' temporary
     * directory). Every key the read looks at is recorded on disk with its fingerprint; after the read, the
     * fingerprints that stood for two or more different keys (expected about once in a hundred files of ten million
     * keys) are found exactly, and the file is read again with those keys kept exactly, until a read finds no new
     * such fingerprint. The report is the one the exact read gives, to the byte.
     *
     * @param file the file
     * @return the report
     * @throws IOException         if the file cannot be opened, or its size not read
     * @throws ExchangeException   ({@link IoRule#REJECTED}) in fail-fast mode, at the first problem;
     *                             ({@link IoRule#IO_FAILURE}) if a temporary file cannot be made, written or read
     */
    public ValidationReport validate(Path file) throws IOException {
        long limit = flatAbove >= 0 ? flatAbove : Runtime.getRuntime().maxMemory();
        if (Files.size(file) <= limit) {
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, NO_HANDLER);
            }
        }
        Set<Long> exact = new HashSet<>();
        while (true) {
            Problems problems = new Problems(errorLimit, failFast);
            boolean complete = false;
            boolean stopped = false;
            Set<Long> collided;
            try (Fingerprints fingerprints = Fingerprints.of(fingerprintBits, exact);
                 InputStream in = Files.newInputStream(file)) {
                try {
                    complete = readChecked(new Run(problems, NO_HANDLER, fingerprints), in);
                } catch (Problems.Stop stop) {
                    stopped = true;
                }
                collided = fingerprints.collided();
            } catch (Fingerprints.Failure e) {
                throw new ExchangeException(IoRule.IO_FAILURE, "a temporary file of the flat-memory check of "
                        + file.getFileName() + " failed: " + Values.reason((IOException) e.getCause()), e);
            }
            if (exact.containsAll(collided)) {
                if (stopped) {
                    throw new ExchangeException(problems.report(false));
                }
                return problems.report(complete);
            }
            exact.addAll(collided);
        }
    }

    /** Wraps an exception thrown by the caller's handler, so that it passes the reader's own catch clauses. */
    private static final class HandlerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final RuntimeException original;

        HandlerFailure(RuntimeException original) {
            super(original.getMessage(), original, false, false);
            this.original = original;
        }
    }

    /** The birth day kept for a person whose birth date is unknown: no event of theirs is before it. */
    private static final int BIRTH_UNKNOWN = Integer.MIN_VALUE;
    /**
     * The value of a person, registration or case not (yet) read or accepted, and what a lookup of an absent key gives:
     * no epoch day of a valid date, nor a {@link #registrationValue}, is this large.
     */
    private static final int NOT_READ = Integer.MAX_VALUE;

    /**
     * A registration or case waiting for its person: the record, where its person key and its event date (report
     * date; offence date, or else registration date at the public prosecutor) are, and the event as an epoch day.
     */
    private record Pending(RecordKind kind, long index, Object record, String key, Located keyAt, Located eventAt,
                           long eventDay) {
    }

    /**
     * A police report waiting for the end of the file: its registration id, filed day and case ids, and where they
     * are, each as a {@linkplain #packed packed} line and column (the pointers follow from the index). The report
     * itself is kept only to be handed on: not when the read hands nothing on (a validation), nor in a flat-memory
     * validation, whose waiting items are on disk.
     */
    private record PendingReport(long index, PoliceReport report, String registrationId, long filedDay,
                                 List<String> caseIds, long registrationAt, long[] caseAt) {
    }

    /**
     * A residence-stage history waiting for the end of the file: its registration id, its stages (effective day and
     * stage's ordinal), and where they are, each as a {@linkplain #packed packed} line and column (issue 14: a
     * pointer string and a location object per stage were the largest part of what a validation kept until the end
     * of the file, and made its last young collection the longest pause of the read). The record itself is kept
     * only to be handed on, as for {@link PendingReport}.
     */
    private record PendingHistory(long index, ResidenceHistory history, String registrationId, long[] days,
                                  int[] stages, long registrationAt, long[] dateAt, long[] stageAt) {
    }

    /** A line and column as one long: the line in the high half, the column in the low (Jackson counts in ints). */
    private static long packed(long line, long column) {
        return line << 32 | (column & 0xffffffffL);
    }

    private static long lineOf(long packed) {
        return packed >> 32;
    }

    private static long columnOf(long packed) {
        return (int) packed;
    }

    /** Writes and reads a waiting police report for a flat-memory validation (the report itself is not kept). */
    private static final Waiting.Codec<PendingReport> REPORT_CODEC = new Waiting.Codec<>() {
        @Override
        public void write(DataOutput out, PendingReport p) throws IOException {
            out.writeLong(p.index());
            out.writeUTF(p.registrationId());
            out.writeLong(p.filedDay());
            out.writeLong(p.registrationAt());
            out.writeInt(p.caseIds().size());
            for (int i = 0; i < p.caseIds().size(); i++) {
                out.writeUTF(p.caseIds().get(i));
                out.writeLong(p.caseAt()[i]);
            }
        }

        @Override
        public PendingReport read(DataInput in) throws IOException {
            long index = in.readLong();
            String registrationId = in.readUTF();
            long filedDay = in.readLong();
            long registrationAt = in.readLong();
            int n = in.readInt();
            List<String> caseIds = new ArrayList<>(n);
            long[] caseAt = new long[n];
            for (int i = 0; i < n; i++) {
                caseIds.add(in.readUTF());
                caseAt[i] = in.readLong();
            }
            return new PendingReport(index, null, registrationId, filedDay, caseIds, registrationAt, caseAt);
        }
    };

    /** Writes and reads a waiting residence-stage history for a flat-memory validation. */
    private static final Waiting.Codec<PendingHistory> HISTORY_CODEC = new Waiting.Codec<>() {
        @Override
        public void write(DataOutput out, PendingHistory p) throws IOException {
            out.writeLong(p.index());
            out.writeUTF(p.registrationId());
            out.writeLong(p.registrationAt());
            out.writeInt(p.days().length);
            for (int i = 0; i < p.days().length; i++) {
                out.writeLong(p.days()[i]);
                out.writeInt(p.stages()[i]);
                out.writeLong(p.dateAt()[i]);
                out.writeLong(p.stageAt()[i]);
            }
        }

        @Override
        public PendingHistory read(DataInput in) throws IOException {
            long index = in.readLong();
            String registrationId = in.readUTF();
            long registrationAt = in.readLong();
            int n = in.readInt();
            long[] days = new long[n];
            int[] stages = new int[n];
            long[] dateAt = new long[n];
            long[] stageAt = new long[n];
            for (int i = 0; i < n; i++) {
                days[i] = in.readLong();
                stages[i] = in.readInt();
                dateAt[i] = in.readLong();
                stageAt[i] = in.readLong();
            }
            return new PendingHistory(index, null, registrationId, days, stages, registrationAt, dateAt, stageAt);
        }
    };

    /** A pointer with its line and column. */
    private record Located(String pointer, long line, long column) {
    }

    /** A cell of the police-signal view: the properties of a count that together identify it. */
    private record Cell(int year, PoliceSeries series, ExploitationForm form, VictimOriginGroup origin,
                        DublinStatus dublinStatus) {
    }

    /**
     * A JSON Pointer built only when a message or a location needs it (issue 14: building every value's pointer
     * was a tenth of the time of a read): a parent and a property name or an array index, or a record's root.
     */
    private static final class Pointer {
        private final Pointer parent;
        private final String name;
        private final long index;
        private String text;

        private Pointer(Pointer parent, String name, long index, String text) {
            this.parent = parent;
            this.name = name;
            this.index = index;
            this.text = text;
        }

        static Pointer root(String text) {
            return new Pointer(null, null, -1, text);
        }

        /** The pointer of a record, {@code /property/index}. */
        static Pointer record(String property, long index) {
            return new Pointer(null, property, index, null);
        }

        Pointer child(String property) {
            return new Pointer(this, property, -1, null);
        }

        Pointer child(int element) {
            return new Pointer(this, null, element, null);
        }

        /**
         * Whether this pointer's text is the given one, compared from its end segment by segment, without building
         * the text (the reader looks up a record's locations by pointer; building every pointer of the record for
         * that was a twentieth of a read of police reports and residence-stage histories).
         */
        boolean is(String pointer) {
            return start(pointer, pointer.length()) == 0;
        }

        /** Where this pointer's text starts in {@code pointer} if it ends there at {@code end}, or -1. */
        private int start(String pointer, int end) {
            if (text != null) {
                int from = end - text.length();
                return from >= 0 && pointer.regionMatches(from, text, 0, text.length()) ? from : -1;
            }
            int from = segmentStart(pointer, end, parent == null ? null : name, index);
            if (from < 0) {
                return -1;
            }
            if (parent != null) {
                return parent.start(pointer, from);
            }
            // A record's root, /property/index: the index was matched; the property is left.
            int head = from - name.length() - 1;
            return head >= 0 && pointer.charAt(head) == '/' && pointer.regionMatches(head + 1, name, 0, name.length())
                    ? head : -1;
        }

        /**
         * Where the segment {@code /name} (escaped), or {@code /index} when the name is null, starts in
         * {@code pointer} if it ends there at {@code end}: the position of its slash, or -1. An index is matched
         * digit by digit from its last, without making its text.
         */
        static int segmentStart(String pointer, int end, String name, long index) {
            int from;
            if (name == null) {
                from = end;
                long rest = index;
                do {
                    from--;
                    if (from < 0 || pointer.charAt(from) != (char) ('0' + rest % 10)) {
                        return -1;
                    }
                    rest /= 10;
                } while (rest > 0);
                from--;
            } else {
                String segment = Values.pointerSegment(name);
                from = end - segment.length() - 1;
                if (from >= 0 && !pointer.regionMatches(from + 1, segment, 0, segment.length())) {
                    return -1;
                }
            }
            return from >= 0 && pointer.charAt(from) == '/' ? from : -1;
        }

        @Override
        public String toString() {
            if (text == null) {
                String head = parent == null ? "/" + name : parent.toString();
                text = parent == null ? head + "/" + index
                        : head + "/" + (name != null ? Values.pointerSegment(name) : Long.toString(index));
            }
            return text;
        }
    }

    /**
     * The locations of the current record's values, by pointer: few (a record has at most a few tens of values),
     * so a list searched in order. Each value is kept as its parent's pointer and its property name or array index,
     * so that no pointer is built for a value unless one is looked up (issue 14: a pointer object per value was a
     * third of the parsing thread's allocations). A sequential read reuses one for every record; a pipelined read
     * fills one for each batch of records, each record's values a window of it ({@link #begin()}), and the
     * checking thread looks up in a record's window ({@link #window}) and hands the object back for the parsing
     * thread to reuse.
     */
    private static final class Locations {
        private static final int CAPACITY = 16;
        private Pointer[] parents = new Pointer[CAPACITY];
        /** The property's name, or null for an array element, whose index is in {@link #elements}. */
        private String[] names = new String[CAPACITY];
        private long[] elements = new long[CAPACITY];
        /** Where each value is, {@linkplain JsonExchangeReader#packed packed}. */
        private long[] at = new long[CAPACITY];
        private final boolean shared;
        /** The current record's window: from here to {@link #to}, or to {@link #size} while it is read (-1). */
        private int from;
        private int to = -1;
        private int size;

        /**
         * One for a read.
         *
         * @param shared whether it holds a batch of records (a pipelined read) rather than one at a time
         */
        Locations(boolean shared) {
            this.shared = shared;
        }

        /** Starts the next record's values: after the batch's others, or in place of the last record's. */
        void begin() {
            if (!shared) {
                java.util.Arrays.fill(parents, 0, size, null);
                size = 0;
            }
            from = size;
            to = -1;
        }

        /** Empties it, to be filled with another batch. */
        void reset() {
            java.util.Arrays.fill(parents, 0, size, null);
            java.util.Arrays.fill(names, 0, size, null);
            size = 0;
            from = 0;
            to = -1;
        }

        /** The start of the current record's window. */
        int from() {
            return from;
        }

        /** The end of the current record's window. */
        int to() {
            return to < 0 ? size : to;
        }

        /** Makes a record's values the ones looked up. */
        void window(int from, int to) {
            this.from = from;
            this.to = to;
        }

        void put(Pointer parent, String name, long line, long column) {
            int i = next();
            parents[i] = parent;
            names[i] = name;
            at[i] = packed(line, column);
        }

        void put(Pointer parent, long element, long line, long column) {
            int i = next();
            parents[i] = parent;
            names[i] = null;
            elements[i] = element;
            at[i] = packed(line, column);
        }

        private int next() {
            if (size == parents.length) {
                int grown = size * 2;
                parents = java.util.Arrays.copyOf(parents, grown);
                names = java.util.Arrays.copyOf(names, grown);
                elements = java.util.Arrays.copyOf(elements, grown);
                at = java.util.Arrays.copyOf(at, grown);
            }
            return size++;
        }

        /**
         * Where the value at a pointer in the current record's window is, {@linkplain JsonExchangeReader#packed
         * packed}; each is put once.
         *
         * @param pointer the value's pointer
         * @param absent  what to return if no value at that pointer was put (the record's start)
         * @return the line and column, packed, or {@code absent}
         */
        long at(String pointer, long absent) {
            for (int i = from, end = to(); i < end; i++) {
                int slash = Pointer.segmentStart(pointer, pointer.length(), names[i], elements[i]);
                if (slash >= 0 && parents[i].start(pointer, slash) == 0) {
                    return at[i];
                }
            }
            return absent;
        }

        /**
         * The positions, {@linkplain JsonExchangeReader#packed packed}, of the elements of a list property of the
         * current record ({@code /kind/index/list/i}), in one pass and without a pointer's text (issue 14: a police
         * report's case ids and a history's stages were looked up by pointer text, one string built per value, which
         * made the checking thread the slower one on those records).
         *
         * @param list     the list's property name, a property of the record itself
         * @param property the property of each element (an object) whose position is wanted, or null for the
         *                 elements' own positions
         * @param at       where each element's position goes, by element index; left as it is for what is absent
         */
        void positionsInList(String list, String property, long[] at) {
            for (int i = from, end = to(); i < end; i++) {
                Pointer parent = parents[i];
                Pointer listPointer;
                long element;
                if (property == null) {
                    if (names[i] != null) {
                        continue;
                    }
                    listPointer = parent;
                    element = elements[i];
                } else {
                    if (!property.equals(names[i]) || parent.name != null || parent.parent == null) {
                        continue;
                    }
                    listPointer = parent.parent;
                    element = parent.index;
                }
                if (list.equals(listPointer.name) && listPointer.parent != null && listPointer.parent.parent == null
                        && listPointer.parent.name != null && element >= 0 && element < at.length) {
                    at[(int) element] = this.at[i];
                }
            }
        }
    }

    /**
     * What the parsing thread of a pipelined read hands to the checking thread, in file order: a record read whole
     * (its kind, index, pointer, start and the locations of its values), the end of the records (resolve what waits
     * for the end of the file), or the end of the read; each with the problems the parsing thread recorded since
     * the item before, and the dataset read so far.
     */
    private static final class Item {
        static final int RECORD = 0;
        static final int RESOLVE = 1;
        static final int END = 2;

        final int type;
        final List<Problem> before;
        final Dataset dataset;
        RecordKind kind;
        long index;
        Object record;
        Pointer pointer;
        long start;
        /**
         * Whether the parsing thread found the record valid by the model's screen ({@link RecordValidation#screen}),
         * so that the checking thread need not run it again.
         */
        boolean screened;
        /** The batch's locations, and the record's window of them. */
        Locations locations;
        int locationsFrom;
        int locationsTo;
        boolean complete;
        /** What ended the parsing thread's read, if it failed: a runtime exception or an error. */
        Throwable failure;

        private Item(int type, List<Problem> before, Dataset dataset) {
            this.type = type;
            this.before = before;
            this.dataset = dataset;
        }

        static Item record(List<Problem> before, RecordKind kind, long index, Object record, boolean screened,
                           Pointer pointer, long start, Locations locations, Dataset dataset) {
            Item item = new Item(RECORD, before, dataset);
            item.screened = screened;
            item.kind = kind;
            item.index = index;
            item.record = record;
            item.pointer = pointer;
            item.start = start;
            item.locations = locations;
            item.locationsFrom = locations.from();
            item.locationsTo = locations.to();
            return item;
        }

        static Item resolve(List<Problem> before, Dataset dataset) {
            return new Item(RESOLVE, before, dataset);
        }

        static Item end(List<Problem> before, Dataset dataset, boolean complete, Throwable failure) {
            Item item = new Item(END, before, dataset);
            item.complete = complete;
            item.failure = failure;
            return item;
        }
    }

    /**
     * The bounded hand-over of a pipelined read: batches of {@value #BATCH} items through a queue of
     * {@value #BATCHES} batches (some 2,000 records, a few megabytes, ahead at most). The parsing thread puts,
     * the checking thread takes; a checking thread that fails cancels the pipe, and the parsing thread stops at
     * its next hand-over.
     */
    private static final class Pipe {
        static final int BATCH = 256;
        static final int BATCHES = 8;

        /** Unwinds the parsing thread of a cancelled pipe. */
        static final class Cancelled extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Cancelled() {
                super("pipelined read cancelled", null, false, false);
            }
        }

        private final ArrayBlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(BATCHES);
        /** Locations the checking thread is done with, for the parsing thread's next batches. */
        private final ArrayBlockingQueue<Locations> spare = new ArrayBlockingQueue<>(BATCHES + 2);
        private List<Item> batch = new ArrayList<>(BATCH);
        private volatile boolean cancelled;
        /** What ended the parsing thread, when it could not hand its end over; null otherwise. */
        private volatile Throwable failed;

        /**
         * Adds an item; hands the batch over when it is full or the item ends the records or the read.
         *
         * @return whether the batch was handed over: the parsing thread must not touch its locations again
         */
        boolean put(Item item) {
            batch.add(item);
            if (batch.size() == BATCH || item.type != Item.RECORD) {
                try {
                    while (!queue.offer(batch, 20, TimeUnit.MILLISECONDS)) {
                        if (cancelled) {
                            throw new Cancelled();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Cancelled();
                }
                batch = new ArrayList<>(BATCH);
                if (cancelled) {
                    throw new Cancelled();
                }
                return true;
            }
            if (cancelled) {
                throw new Cancelled();
            }
            return false;
        }

        /**
         * Whether the checking thread is behind: half the batches the pipe holds are waiting for it. The parsing
         * thread then screens the records of its next batch itself (issue 14, item 2: the checking thread is the
         * slower one on police reports and residence-stage histories, the parsing thread on the other records;
         * each waited for the other a tenth of the read).
         */
        boolean behind() {
            return queue.size() >= BATCHES / 2;
        }

        /** Locations for the parsing thread's next batch: one the checking thread is done with, or a new one. */
        Locations locations() {
            Locations reused = spare.poll();
            if (reused == null) {
                return new Locations(true);
            }
            reused.reset();
            return reused;
        }

        /** Hands a batch's locations back, once the checking thread is done with the batch. */
        void recycle(Locations done) {
            spare.offer(done);
        }

        /**
         * Takes the next batch; throws, on this thread, what ended the parsing thread if that thread could not hand
         * its end over (an error such as running out of memory, when even the end could not be allocated).
         */
        List<Item> take() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        List<Item> next = queue.poll(20, TimeUnit.MILLISECONDS);
                        if (next != null) {
                            return next;
                        }
                        Throwable failure = failed;
                        if (failure != null && queue.isEmpty()) {
                            throw rethrown(failure);
                        }
                    } catch (InterruptedException e) {
                        // The read goes on to its end (the parsing thread ends it), as a sequential read would.
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /**
         * Records what ended the parsing thread when its end could not be handed over; allocates nothing, so that
         * it works when the heap is exhausted. The first failure is kept.
         */
        void fail(Throwable failure) {
            if (failed == null) {
                failed = failure;
            }
        }

        void cancel() {
            cancelled = true;
        }
    }

    /**
     * Reads and checks an input, parsing on a second thread when the machine has two processors or more and the
     * read is not fail-fast (issue 14, item 2): that thread tokenises and builds the records and hands them over in
     * batches, with the problems it found before each; this, the caller's, thread checks them (the model's rules,
     * the file-level checks), adds every problem in file order and hands the dataset and the accepted records to
     * the handler, in the order and on the thread of a sequential read, so that the report is the sequential
     * read's to the byte. A failure of the parsing thread that its read does not turn
     * into a located problem (an error) is thrown here; a failure here stops the parsing thread, which is waited
     * for before this returns or throws.
     *
     * @param checking the read that checks, with the read's problems
     * @param in       the input
     * @return whether the whole input was read
     */
    private boolean readChecked(Run checking, InputStream in) {
        if (!pipelined || failFast || Runtime.getRuntime().availableProcessors() < 2) {
            return checking.read(in);
        }
        Problems recording = Problems.recording();
        Pipe pipe = new Pipe();
        Run parsing = new Run(recording, pipe);
        Thread parser = new Thread(() -> {
            boolean complete = false;
            Throwable failure = null;
            try {
                complete = parsing.read(in);
            } catch (Pipe.Cancelled e) {
                return;
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            try {
                pipe.put(Item.end(recording.takeKept(), parsing.dataset, complete, failure));
            } catch (Pipe.Cancelled e) {
                // The checking thread has failed already.
            } catch (RuntimeException | Error e) {
                // The end could not be handed over (the heap is exhausted, say): the checking thread throws it.
                pipe.fail(failure != null ? failure : e);
            }
        }, "tipmonitor-exchange-parser");
        // Nothing of the parsing thread is ever printed: whatever escapes it is thrown on the caller's thread.
        parser.setUncaughtExceptionHandler((thread, e) -> pipe.fail(e));
        parser.setDaemon(true);
        parser.start();
        boolean done = false;
        try {
            boolean complete = checking.checkFrom(pipe);
            // The parsing thread's counts (records rejected while being read) are final: it has ended its read.
            checking.problems.addCounts(recording);
            done = true;
            return complete;
        } finally {
            if (!done) {
                pipe.cancel();
            }
            joinUninterruptibly(parser);
        }
    }

    /**
     * Returns a failure of the parsing thread for the caller's thread to throw: a runtime exception or an error
     * as it is (a read throws nothing checked).
     */
    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure instanceof RuntimeException) {
            return (RuntimeException) failure;
        }
        return new IllegalStateException("the parsing thread failed", failure);
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The state of one read. */
    private final class Run {
        private final Problems problems;
        private final RecordHandler handler;
        private LocatingParser parser;
        /** Counts what the parser reads, for columns in characters. */
        private CharColumns columns;
        private Dataset dataset;
        private boolean recordsSeen;
        /** Accepted victims' keys, each with the earliest possible birth day (epoch day) for rule TM-M-020. */
        private final Keys victimKeys;
        /** Accepted offenders' keys, each with the earliest possible birth day. */
        private final Keys offenderKeys;
        /**
         * Registration ids read, each with {@link #NOT_READ} until the registration is accepted, then its
         * {@link #registrationValue} (report date, residence stage, police report filed): one set for the duplicate
         * check, the police reports' links and the residence-stage histories' links.
         */
        private final Keys registrationIds;
        /**
         * Case ids read, each with {@link #NOT_READ} until the case is accepted, then its date of registration at
         * the public prosecutor (epoch day).
         */
        private final Keys caseIds;
        /** Registration ids that have a police report in the file. */
        private final Keys reportedRegistrations;
        private final Waiting<PendingReport> pendingReports;
        /** Registration ids that have a residence-stage history in the file. */
        private final Keys historyRegistrations;
        private final Waiting<PendingHistory> pendingHistories;
        private final Keys measureIds;
        private String version;
        private final List<Pending> pending = new ArrayList<>();
        /**
         * The police-signal cells read, each with the index of its first count. Bounded by the code lists, not by
         * the file: at most 210 cells (2 series, 7 forms, 5 origin groups, 3 Dublin statuses) per valid year.
         */
        private final Map<Cell, Long> cells = new HashMap<>();
        /** Where the current record's values are, by pointer. */
        private Locations locations;
        /** On the parsing side of a pipelined read: whether it screens the records of its current batch. */
        private boolean screening;
        /** The parsing side of a pipelined read: where each record read goes to be checked; null otherwise. */
        private final Pipe pipe;
        private RecordKind kind = RecordKind.FILE;
        private long index = -1;

        Run(Problems problems, RecordHandler handler) {
            this(problems, handler, null);
        }

        /** The parsing side of a pipelined read: records its problems, hands each record read to the pipe. */
        Run(Problems recording, Pipe pipe) {
            this(recording, NO_HANDLER, null, pipe);
        }

        Run(Problems problems, RecordHandler handler, Fingerprints fingerprints) {
            this(problems, handler, fingerprints, null);
        }

        /**
         * A read.
         *
         * @param problems     the problems
         * @param handler      what receives the accepted records
         * @param fingerprints for a flat-memory validation: the key sets by fingerprint, the waiting records on
         *                     disk; null for exact key sets and waiting records in memory
         * @param pipe         for the parsing side of a pipelined read, where the records go; null otherwise
         */
        Run(Problems problems, RecordHandler handler, Fingerprints fingerprints, Pipe pipe) {
            this.problems = problems;
            this.handler = handler;
            this.pipe = pipe;
            this.locations = pipe != null ? pipe.locations() : new Locations(false);
            boolean flat = fingerprints != null;
            victimKeys = flat ? new FingerprintKeys(fingerprints) : KeySet.withValues();
            offenderKeys = flat ? new FingerprintKeys(fingerprints) : KeySet.withValues();
            registrationIds = flat ? new FingerprintKeys(fingerprints) : KeySet.withValues();
            caseIds = flat ? new FingerprintKeys(fingerprints) : KeySet.withValues();
            reportedRegistrations = flat ? new FingerprintKeys(fingerprints) : new KeySet();
            historyRegistrations = flat ? new FingerprintKeys(fingerprints) : new KeySet();
            measureIds = flat ? new FingerprintKeys(fingerprints) : new KeySet();
            pendingReports = flat ? Waiting.onDisk(fingerprints.file("police-reports"), REPORT_CODEC)
                    : Waiting.inMemory();
            pendingHistories = flat ? Waiting.onDisk(fingerprints.file("residence-histories"), HISTORY_CODEC)
                    : Waiting.inMemory();
        }

        boolean read(InputStream in) {
            try {
                PushbackInputStream input = new PushbackInputStream(in, 4);
                byte[] head = new byte[4];
                int n = input.readNBytes(head, 0, 4);
                if (n == 0) {
                    fileProblem(1, 1, IoRule.EMPTY_INPUT, "the input is empty; an exchange file is a JSON object");
                    return true;
                }
                if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
                    fileProblem(1, 1, IoRule.BYTE_ORDER_MARK, "the input starts with a UTF-8 byte-order mark;"
                            + " exchange files are UTF-8 without one (RFC 8259, section 8.1)");
                    // What follows the mark is checked like a file without one: Jackson's encoding detection
                    // must never see zero bytes (issue 7).
                    input.unread(head, 3, n - 3);
                    n = input.readNBytes(head, 0, 4);
                }
                String mark = byteOrderMark(head, n);
                if (mark != null) {
                    fileProblem(1, 1, IoRule.BYTE_ORDER_MARK, "the input starts with a " + mark + " byte-order mark;"
                            + " exchange files are UTF-8 without one");
                    return false;
                } else if (n >= 2 && (head[0] == 0 || head[1] == 0)) {
                    fileProblem(1, 1, IoRule.INVALID_ENCODING, "the input starts with a zero byte (UTF-16 or"
                            + " UTF-32?); exchange files are UTF-8");
                    return false;
                } else {
                    input.unread(head, 0, n);
                }
                columns = new CharColumns(input);
                parser = LocatingParser.create(columns);
                if (document()) {
                    return true;
                }
            } catch (StreamConstraintsException e) {
                fatal(IoRule.LIMIT_EXCEEDED, e, "the input exceeds a read limit: " + sanitise(e.getOriginalMessage()));
            } catch (JsonEOFException e) {
                fatal(IoRule.TRUNCATED, e, "the input ends before the document is complete: "
                        + sanitise(e.getOriginalMessage()));
            } catch (JsonParseException e) {
                String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
                if (message.contains("UTF-8") || message.contains("UTF8") || message.contains("surrogate")) {
                    fatal(IoRule.INVALID_ENCODING, e, "the input is not valid UTF-8: " + sanitise(message));
                } else {
                    fatal(IoRule.MALFORMED_INPUT, e, "the input is not well-formed JSON: " + sanitise(message));
                }
            } catch (CharConversionException e) {
                fatal(IoRule.INVALID_ENCODING, null, "the input is not valid UTF-8: " + sanitise(e.getMessage()));
            } catch (JsonProcessingException e) {
                fatal(IoRule.MALFORMED_INPUT, e, "the input cannot be parsed: " + sanitise(e.getOriginalMessage()));
            } catch (IOException e) {
                fatal(IoRule.IO_FAILURE, null, "reading the input failed: " + Values.reason(e));
            } catch (NumberFormatException | ArithmeticException e) {
                fatal(IoRule.NUMBER_OUT_OF_RANGE, null, "a number cannot be represented: "
                        + e.getClass().getSimpleName());
            } catch (Problems.Stop | HandlerFailure | Fingerprints.Failure | Pipe.Cancelled e) {
                throw e;
            } catch (RuntimeException e) {
                fatal(IoRule.MALFORMED_INPUT, null, "the input cannot be parsed (" + e.getClass().getSimpleName()
                        + ")");
            }
            rejectPending();
            return false;
        }

        /**
         * After a read stopped early: the registrations and cases still waiting for their person can be neither
         * resolved (their person may be in the part not read) nor left uncounted, so they are rejected, with one
         * problem that says how many (issue 13: a registrations-first file truncated inside the victims said it had
         * read 0 registrations).
         */
        private void rejectPending() {
            if (pending.isEmpty()) {
                return;
            }
            long registrations = pending.stream().filter(p -> p.kind() == RecordKind.REGISTRATION).count();
            long cases = pending.size() - registrations;
            for (Pending p : pending) {
                problems.rejected(p.kind());
            }
            problems.add(RecordKind.FILE, -1, "", 1, 1,
                    registrations > 0 ? IoRule.UNRESOLVED_VICTIM : IoRule.UNRESOLVED_OFFENDER, registrations
                    + " registration(s) and " + cases + " case(s) that came before their persons were rejected"
                    + " unchecked: the read stopped before their persons could be found");
            pending.clear();
        }

        /** The column of a location (in characters: every location the reader keeps comes from {@link #location}). */
        private long column(JsonLocation at) {
            return at.getColumnNr();
        }

        /**
         * The location of the current token, its column counted in characters, not bytes (issue 13): the parser
         * counts bytes.
         */
        private JsonLocation location() {
            return inCharacters(parser.currentTokenLocation());
        }

        /**
         * Where the current token is, {@linkplain JsonExchangeReader#packed packed}: as {@link #location()} gives it,
         * without a location object (issue 14: one per record was a thirtieth of the parsing thread's time).
         */
        private long here() {
            return packed(parser.tokenLine(), tokenColumn());
        }

        /** The column of the current token in characters, as {@link #location()} gives it, without a location. */
        private long tokenColumn() {
            // Without a call until the first multi-byte character (issue 14: the client compiler does not inline
            // column(), and this runs for every value).
            int byteColumn = parser.tokenColumn();
            return columns.multiByte() ? columns.column(parser.tokenOffset(), byteColumn) : byteColumn;
        }

        private JsonLocation inCharacters(JsonLocation at) {
            if (at == null || columns == null) {
                return at;
            }
            long column = columns.column(at.getByteOffset(), at.getColumnNr());
            return column == at.getColumnNr() ? at
                    : new JsonLocation(at.contentReference(), at.getByteOffset(), at.getCharOffset(), at.getLineNr(),
                    (int) column);
        }

        private void fatal(IoRule rule, JsonProcessingException e, String message) {
            JsonLocation at = e != null && e.getLocation() != null ? inCharacters(e.getLocation())
                    : parser != null ? inCharacters(parser.currentLocation()) : null;
            // Without a parser the input failed before its first token: at its start.
            long line = at == null ? (parser == null ? 1 : -1) : Math.max(at.getLineNr(), -1);
            long column = at == null ? (parser == null ? 1 : -1) : Math.max(at.getColumnNr(), -1);
            String pointer = kind.isRecord() && index >= 0 ? "/" + kind.property() + "/" + index
                    : kind == RecordKind.DATASET ? "/dataset" : "";
            problems.add(kind, kind.isRecord() ? index : -1, pointer, line, column, rule, message);
        }

        private void fileProblem(long line, long column, IoRule rule, String message) {
            problems.add(RecordKind.FILE, -1, "", line, column, rule, message);
        }

        private boolean document() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == null) {
                fileProblem(1, 1, IoRule.EMPTY_INPUT, "the input holds only white space; an exchange file is a"
                        + " JSON object");
                return true;
            }
            if (token != JsonToken.START_OBJECT) {
                JsonLocation at = location();
                fileProblem(at.getLineNr(), at.getColumnNr(), IoRule.NOT_AN_OBJECT,
                        "an exchange file is a JSON object, got " + describe(token));
                return false;
            }
            long start = here();
            boolean versionSeen = false;
            boolean datasetSeen = false;
            Set<String> seen = new HashSet<>();
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonLocation at = location();
                token = parser.nextToken();
                if (Specs.TOP_LEVEL.contains(name) && !seen.add(name)) {
                    fileProblem(at.getLineNr(), at.getColumnNr(), IoRule.DUPLICATE_PROPERTY,
                            "property '" + name + "' occurs twice in the exchange file; the second is ignored");
                    parser.skipChildren();
                    continue;
                }
                switch (name) {
                    case "formatVersion":
                        versionSeen = true;
                        if (!version(token, at)) {
                            return false;
                        }
                        break;
                    case "dataset":
                        datasetSeen = true;
                        if (recordsSeen) {
                            problems.add(RecordKind.DATASET, -1, "/dataset", at.getLineNr(), at.getColumnNr(),
                                    IoRule.DATASET_FIRST, "the dataset metadata must precede the record arrays"
                                            + " (victims, registrations, offenders, offenderCases, policeSignals)");
                        }
                        dataset();
                        break;
                    case "victims":
                        array(RecordKind.VICTIM, Specs.VICTIM, token, at);
                        break;
                    case "registrations":
                        array(RecordKind.REGISTRATION, Specs.REGISTRATION, token, at);
                        break;
                    case "offenders":
                        array(RecordKind.OFFENDER, Specs.OFFENDER, token, at);
                        break;
                    case "offenderCases":
                        array(RecordKind.OFFENDER_CASE, Specs.OFFENDER_CASE, token, at);
                        break;
                    case "policeSignals":
                        array(RecordKind.POLICE_SIGNAL, Specs.POLICE_SIGNAL, token, at);
                        break;
                    case "policeReports":
                    case "programmeMeasures":
                    case "residenceStages":
                        if (ExchangeFormat.FORMAT_VERSION_1_1.equals(version)) {
                            if ("policeReports".equals(name)) {
                                array(RecordKind.POLICE_REPORT, Specs.POLICE_REPORT, token, at);
                            } else if ("programmeMeasures".equals(name)) {
                                array(RecordKind.PROGRAMME_MEASURE, Specs.PROGRAMME_MEASURE, token, at);
                            } else {
                                array(RecordKind.RESIDENCE_HISTORY, Specs.RESIDENCE_HISTORY, token, at);
                            }
                        } else {
                            fileProblem(at.getLineNr(), at.getColumnNr(), IoRule.LATER_VERSION_PROPERTY,
                                    "property '" + name + "' needs formatVersion '"
                                            + ExchangeFormat.FORMAT_VERSION_1_1 + "' declared before it, got "
                                            + (version == null ? "no version yet" : "'" + version + "'")
                                            + "; its records are skipped");
                            parser.skipChildren();
                        }
                        break;
                    default:
                        // The name is the input's, and may be anything, a person's name included: withheld, and
                        // the pointer names the object that holds it (issue 13).
                        fileProblem(at.getLineNr(), at.getColumnNr(), IoRule.UNKNOWN_PROPERTY, "unknown property"
                                + Values.withheldName(name) + " in the exchange file; allowed: "
                                + String.join(", ", Specs.TOP_LEVEL));
                        parser.skipChildren();
                }
            }
            kind = RecordKind.FILE;
            index = -1;
            if (!versionSeen) {
                fileProblem(lineOf(start), columnOf(start), IoRule.MISSING_PROPERTY,
                        "required property 'formatVersion' is missing from the exchange file");
            }
            if (!datasetSeen) {
                problems.add(RecordKind.DATASET, -1, "/dataset", lineOf(start), columnOf(start),
                        IoRule.MISSING_PROPERTY, "required property 'dataset' is missing from the exchange file");
            }
            if (pipe != null) {
                pipe.put(Item.resolve(problems.takeKept(), dataset));
                locations = pipe.locations();
            } else {
                resolve();
            }
            token = parser.nextToken();
            if (token != null) {
                JsonLocation at = location();
                fileProblem(at.getLineNr(), at.getColumnNr(), IoRule.TRAILING_CONTENT,
                        "content follows the end of the exchange file's object: " + describe(token));
            }
            return true;
        }

        private boolean version(JsonToken token, JsonLocation at) throws IOException {
            if (token == JsonToken.VALUE_STRING && ExchangeFormat.SUPPORTED_VERSIONS.contains(parser.getText())) {
                version = parser.getText();
                return true;
            }
            String got = token == JsonToken.VALUE_STRING
                    ? (VERSION_SHAPE.matcher(parser.getText()).matches() ? "'" + parser.getText() + "'"
                    : "a string of another shape") : describe(token);
            fileProblem(at.getLineNr(), at.getColumnNr(), IoRule.UNSUPPORTED_VERSION, "formatVersion must be one of '"
                    + String.join("', '", ExchangeFormat.SUPPORTED_VERSIONS) + "', got " + got
                    + "; reading stopped");
            return false;
        }

        private void dataset() throws IOException {
            kind = RecordKind.DATASET;
            index = -1;
            locations.begin();
            long start = here();
            Object decoded = object(Specs.DATASET, Pointer.root("/dataset"));
            kind = RecordKind.FILE;
            if (decoded == Specs.INVALID) {
                return;
            }
            Object[] v = (Object[]) decoded;
            boolean ok = true;
            String id = (String) v[0];
            if (!DATASET_ID.matcher(id).matches()) {
                datasetProblem("/dataset/id", start, IoRule.DATASET_VALUE,
                        "dataset id must match " + Dataset.ID_PATTERN + " (value withheld)");
                ok = false;
            }
            ok &= text((String) v[5], "/dataset/sourcePublication", Dataset.MAX_PUBLICATION_LENGTH, start);
            ok &= text((String) v[6], "/dataset/edition", Dataset.MAX_EDITION_LENGTH, start);
            LocalDate from = (LocalDate) v[2];
            LocalDate to = (LocalDate) v[3];
            if (to.isBefore(from)) {
                datasetProblem("/dataset/periodTo", start, IoRule.DATASET_PERIOD,
                        "dataset period ends (" + to + ") before it starts (" + from + ")");
                ok = false;
            }
            if (ok) {
                dataset = new Dataset(id, (ProducerType) v[1], from, to, (Instant) v[4], (String) v[5],
                        (String) v[6]);
                call(() -> handler.dataset(dataset));
            }
        }

        private boolean text(String value, String pointer, int max, long start) {
            if (value != null && (value.isBlank() || value.length() > max)) {
                datasetProblem(pointer, start, IoRule.DATASET_VALUE, pointer.substring(pointer.lastIndexOf('/') + 1)
                        + " must be 1 to " + max + " characters and not blank, got " + value.length()
                        + " characters");
                return false;
            }
            return true;
        }

        private void datasetProblem(String pointer, long start, IoRule rule, String message) {
            long at = locations.at(pointer, start);
            problems.add(RecordKind.DATASET, -1, pointer, lineOf(at), columnOf(at), rule, message);
        }

        private void array(RecordKind arrayKind, ObjectSpec spec, JsonToken token, JsonLocation at)
                throws IOException {
            recordsSeen = true;
            if (token != JsonToken.START_ARRAY) {
                fileProblem(at.getLineNr(), at.getColumnNr(), IoRule.WRONG_TYPE, "'" + arrayKind.property()
                        + "' must be an array of " + spec.typeName() + " objects, got " + describe(token));
                parser.skipChildren();
                return;
            }
            long next = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                kind = arrayKind;
                index = next++;
                locations.begin();
                long start = here();
                Pointer pointer = Pointer.record(arrayKind.property(), index);
                Object record = object(spec, pointer);
                if (record == Specs.INVALID) {
                    problems.rejected(arrayKind);
                } else if (pipe != null) {
                    // Checked on the other thread, after the problems recorded before it, with its locations;
                    // screened here first while that thread is behind (the screen is the model's rules, which
                    // depend on nothing but the record).
                    boolean screened = screening && validation.screen(record);
                    if (pipe.put(Item.record(problems.takeKept(), kind, index, record, screened, pointer, start,
                            locations, dataset))) {
                        // The batch, and its locations, are the checking thread's now.
                        locations = pipe.locations();
                        screening = pipe.behind();
                    }
                } else {
                    check(record, pointer, start);
                }
            }
            kind = RecordKind.FILE;
            index = -1;
        }

        /** The checks of a record that was read whole: the model's rules, then the file-level ones. */
        private void check(Object record, Pointer pointer, long start) {
            if (!validation.check(record, kind, index, path -> locate(pointer.toString(), path, start), problems)) {
                problems.rejected(kind);
            } else {
                fileLevel(record, pointer, start);
            }
        }

        /**
         * The checking side of a pipelined read, on the caller's thread: takes what the parsing thread hands over,
         * in file order, adds the problems it recorded, checks each record, resolves the records that wait for the
         * end of the file, until the parsing thread's end.
         *
         * @param from the pipe the parsing thread writes
         * @return whether the whole input was read
         */
        boolean checkFrom(Pipe from) {
            // Between batches, and while resolving, an empty set of locations of this thread's own.
            Locations none = locations;
            while (true) {
                List<Item> batch = from.take();
                Locations batchLocations = null;
                for (Item item : batch) {
                    if (item.before != null) {
                        for (Problem problem : item.before) {
                            problems.add(problem);
                        }
                    }
                    if (item.dataset != null && dataset == null) {
                        // The dataset as the parsing thread accepted it, handed on before any record.
                        Dataset accepted = item.dataset;
                        dataset = accepted;
                        call(() -> handler.dataset(accepted));
                    }
                    switch (item.type) {
                        case Item.RECORD:
                            kind = item.kind;
                            index = item.index;
                            locations = item.locations;
                            batchLocations = locations;
                            locations.window(item.locationsFrom, item.locationsTo);
                            if (item.screened) {
                                fileLevel(item.record, item.pointer, item.start);
                            } else {
                                check(item.record, item.pointer, item.start);
                            }
                            locations = none;
                            kind = RecordKind.FILE;
                            index = -1;
                            break;
                        case Item.RESOLVE:
                            resolve();
                            break;
                        default:
                            if (item.failure != null) {
                                throw rethrown(item.failure);
                            }
                            if (!item.complete) {
                                rejectPending();
                            }
                            return item.complete;
                    }
                }
                if (batchLocations != null) {
                    // Every record of the batch is checked: the parsing thread may fill its locations again.
                    from.recycle(batchLocations);
                }
            }
        }

        /** Resolves the records that waited for the end of the file. */
        private void resolve() {
            resolvePending();
            resolveReports();
            resolveHistories();
        }

        private RecordValidation.Location locate(String base, String path, long start) {
            String pointer = path.isEmpty() ? base : base + "/" + path.replace('.', '/');
            long at = locations.at(pointer, start);
            return new RecordValidation.Location(pointer, lineOf(at), columnOf(at));
        }

        private void recordProblem(String pointer, long start, IoRule rule, String message) {
            long at = locations.at(pointer, start);
            problems.add(kind, index, pointer, lineOf(at), columnOf(at), rule, message);
        }

        /**
         * The file-level checks of an accepted record, one method per kind (issue 14: one method for all kinds was
         * compiled four times over by the optimising compiler as the kinds came in turn, 2.4 s of compilation).
         */
        private void fileLevel(Object record, Pointer pointer, long start) {
            switch (kind) {
                case VICTIM: {
                    Victim victim = (Victim) record;
                    person(victimKeys, victim.key().value(), victim.birthDate(), "victim", pointer, start,
                            () -> handler.victim(victim));
                    return;
                }
                case OFFENDER: {
                    Offender offender = (Offender) record;
                    person(offenderKeys, offender.key().value(), offender.birthDate(), "offender", pointer, start,
                            () -> handler.offender(offender));
                    return;
                }
                case REGISTRATION:
                    registration((Registration) record, pointer, start);
                    return;
                case OFFENDER_CASE:
                    offenderCase((OffenderCase) record, pointer, start);
                    return;
                case POLICE_SIGNAL:
                    policeSignal((PoliceSignalCount) record, pointer, start);
                    return;
                case PROGRAMME_MEASURE:
                    programmeMeasure((ProgrammeMeasure) record, pointer, start);
                    return;
                case POLICE_REPORT:
                    policeReport((PoliceReport) record, pointer, start);
                    return;
                case RESIDENCE_HISTORY:
                    residenceHistory((ResidenceHistory) record, pointer, start);
                    return;
                default:
                    throw new IllegalStateException("not a record kind: " + kind);
            }
        }

        /** A victim or an offender: its key is new among the accepted persons of its kind. */
        private void person(Keys keys, String key, BirthDate birthDate, String what, Pointer pointer,
                            long start, Runnable delivery) {
            boolean ok = keys.add(key, earliestBirthDay(birthDate));
            if (!ok) {
                recordProblem(pointer + "/key", start, IoRule.DUPLICATE_ID,
                        what + " key occurs more than once in the file (key withheld)");
            }
            finish(ok, delivery);
        }

        private void registration(Registration registration, Pointer pointer, long start) {
            boolean ok = true;
            if (!registrationIds.add(registration.id().value(), NOT_READ)) {
                recordProblem(pointer + "/id", start, IoRule.DUPLICATE_ID,
                        "registration id occurs more than once in the file (id withheld)");
                ok = false;
            }
            ok &= period(registration.reportDate(), pointer + "/reportDate", "report date", start);
            if (ok) {
                String key = registration.victimKey().value();
                long day = registration.reportDate().toEpochDay();
                int born = victimKeys.value(key, NOT_READ);
                if (born == NOT_READ) {
                    if (tooManyPending(pointer + "/victimKey", start)) {
                        return;
                    }
                    pending.add(new Pending(kind, index, registration, key, located(pointer + "/victimKey", start),
                            located(pointer + "/reportDate", start), day));
                    return;
                }
                ok = bornBy(born, day) || birthProblem(located(pointer + "/reportDate", start));
            }
            if (ok) {
                acceptedRegistration(registration);
            }
            finish(ok, () -> handler.registration(registration));
        }

        private void offenderCase(OffenderCase offenderCase, Pointer pointer, long start) {
            boolean ok = true;
            if (!caseIds.add(offenderCase.id().value(), NOT_READ)) {
                recordProblem(pointer + "/id", start, IoRule.DUPLICATE_ID,
                        "case id occurs more than once in the file (id withheld)");
                ok = false;
            }
            ok &= period(offenderCase.prosecutorRegistrationDate(), pointer + "/prosecutorRegistrationDate",
                    "date of registration at the public prosecutor", start);
            if (ok) {
                String key = offenderCase.offenderKey().value();
                boolean offence = offenderCase.offenceDate() != null;
                String event = offence ? "/offenceDate" : "/prosecutorRegistrationDate";
                long day = (offence ? offenderCase.offenceDate() : offenderCase.prosecutorRegistrationDate())
                        .toEpochDay();
                int born = offenderKeys.value(key, NOT_READ);
                if (born == NOT_READ) {
                    if (tooManyPending(pointer + "/offenderKey", start)) {
                        return;
                    }
                    pending.add(new Pending(kind, index, offenderCase, key, located(pointer + "/offenderKey", start),
                            located(pointer + event, start), day));
                    return;
                }
                ok = bornBy(born, day) || birthProblem(located(pointer + event, start));
            }
            if (ok) {
                acceptedCase(offenderCase);
            }
            finish(ok, () -> handler.offenderCase(offenderCase));
        }

        private void policeSignal(PoliceSignalCount signal, Pointer pointer, long start) {
            boolean ok = true;
            Cell cell = new Cell(signal.year(), signal.series(), signal.form(), signal.origin(),
                    signal.dublinStatus());
            Long first = cells.putIfAbsent(cell, index);
            if (first != null) {
                recordProblem(pointer.toString(), start, IoRule.DUPLICATE_CELL, "police-signal count for the same cell"
                        + " (year, series, form, origin, dublinStatus) as /" + kind.property() + "/" + first
                        + "; a cell holds one count, the first is kept");
                ok = false;
            }
            if (dataset != null && (signal.year() < dataset.periodFrom().getYear()
                    || signal.year() > dataset.periodTo().getYear())) {
                recordProblem(pointer + "/year", start, IoRule.OUTSIDE_PERIOD, "year has no day within the"
                        + " dataset period " + dataset.periodFrom() + " to " + dataset.periodTo()
                        + " (value withheld)");
                ok = false;
            }
            finish(ok, () -> handler.policeSignal(signal));
        }

        private void programmeMeasure(ProgrammeMeasure measure, Pointer pointer, long start) {
            boolean ok = true;
            if (!measureIds.add(measure.id())) {
                recordProblem(pointer + "/id", start, IoRule.DUPLICATE_ID,
                        "programme measure id occurs more than once in the file (id withheld)");
                ok = false;
            }
            finish(ok, () -> handler.programmeMeasure(measure));
        }

        private void policeReport(PoliceReport report, Pointer pointer, long start) {
            boolean ok = true;
            if (!reportedRegistrations.add(report.registrationId().value())) {
                recordProblem(pointer + "/registrationId", start, IoRule.DUPLICATE_ID, "registration has"
                        + " more than one police report in the file (id withheld); a registration records"
                        + " one report, which lists every case it led to");
                ok = false;
            }
            // A report names a few cases: a hash set per report, not a KeySet (whose tables and keyed hash
            // cost more to set up than the lookups). Strings are comparable, so a flooded bin is a tree.
            Set<String> seen = new HashSet<>();
            long[] caseAt = new long[report.caseIds().size()];
            java.util.Arrays.fill(caseAt, start);
            locations.positionsInList("caseIds", null, caseAt);
            for (int i = 0; i < caseAt.length; i++) {
                if (!seen.add(report.caseIds().get(i).value())) {
                    problems.add(kind, index, pointer + "/caseIds/" + i, lineOf(caseAt[i]), columnOf(caseAt[i]),
                            IoRule.DUPLICATE_ID, "police report names the same case more than once (id withheld)");
                    ok = false;
                }
            }
            ok &= period(report.filedDate(), pointer + "/filedDate", "date the police report was filed",
                    start);
            if (ok) {
                List<String> caseIds = new ArrayList<>(report.caseIds().size());
                for (CaseId id : report.caseIds()) {
                    caseIds.add(id.value());
                }
                pendingReports.add(new PendingReport(index, handler == NO_HANDLER ? null : report,
                        report.registrationId().value(), report.filedDate().toEpochDay(), caseIds,
                        locations.at(pointer + "/registrationId", start), caseAt));
            } else {
                problems.rejected(kind);
            }
        }

        private void residenceHistory(ResidenceHistory history, Pointer pointer, long start) {
            if (!historyRegistrations.add(history.registrationId().value())) {
                recordProblem(pointer + "/registrationId", start, IoRule.DUPLICATE_ID, "registration has"
                        + " more than one residence-stage history in the file (id withheld); a registration"
                        + " records one history, which lists every stage");
                problems.rejected(kind);
                return;
            }
            int n = history.stages().size();
            long[] dateAt = new long[n];
            long[] stageAt = new long[n];
            long[] days = new long[n];
            int[] stages = new int[n];
            java.util.Arrays.fill(dateAt, start);
            java.util.Arrays.fill(stageAt, start);
            locations.positionsInList("stages", "effectiveDate", dateAt);
            locations.positionsInList("stages", "stage", stageAt);
            for (int i = 0; i < n; i++) {
                days[i] = history.stages().get(i).effectiveDate().toEpochDay();
                stages[i] = history.stages().get(i).stage().ordinal();
            }
            pendingHistories.add(new PendingHistory(index, handler == NO_HANDLER ? null : history,
                    history.registrationId().value(), days, stages, locations.at(pointer + "/registrationId", start),
                    dateAt, stageAt));
        }

        /** Rejects the current record, unchecked, if the records waiting for their persons are at the limit. */
        private boolean tooManyPending(String keyPointer, long start) {
            if (pending.size() < maxPending) {
                return false;
            }
            recordProblem(keyPointer, start, IoRule.LIMIT_EXCEEDED, "more than " + maxPending + " registrations"
                    + " and cases precede their persons in the file; this one is rejected unchecked: put the victims"
                    + " and offenders before their records, as the exchange writer does");
            problems.rejected(kind);
            return true;
        }

        private Located located(String pointer, long start) {
            long at = locations.at(pointer, start);
            return new Located(pointer, lineOf(at), columnOf(at));
        }

        /** The pointer of the current record ({@link #kind} at {@link #index}) followed by a path. */
        private String pointer(String path) {
            return "/" + kind.property() + "/" + index + path;
        }

        /**
         * Reports a broken rule TM-M-020 at the event date of the current record.
         *
         * @return false, for {@code ok = bornBy(...) || birthProblem(...)}
         */
        private boolean birthProblem(Located event) {
            boolean registration = kind == RecordKind.REGISTRATION;
            String code = ModelRule.BIRTH_BEFORE_EVENT.code();
            problems.add(new Problem(kind, index, event.pointer(), event.line(), event.column(), code, code + ": "
                    + (registration ? "report date" : event.pointer().endsWith("/offenceDate") ? "offence date"
                    : "registration date at the public prosecutor") + " is before the earliest possible birth day"
                    + " of the " + (registration ? "registration's victim" : "case's offender")
                    + " in the file (dates withheld)"));
            return false;
        }

        private boolean period(LocalDate date, String pointer, String what, long start) {
            if (dataset == null || dataset.covers(date)) {
                return true;
            }
            recordProblem(pointer, start, IoRule.OUTSIDE_PERIOD, what + " " + date + " lies outside the dataset"
                    + " period " + dataset.periodFrom() + " to " + dataset.periodTo());
            return false;
        }

        private void finish(boolean ok, Runnable delivery) {
            if (ok) {
                problems.accepted(kind);
                call(delivery);
            } else {
                problems.rejected(kind);
            }
        }

        private void resolvePending() {
            for (Pending p : pending) {
                kind = p.kind();
                index = p.index();
                boolean registration = p.kind() == RecordKind.REGISTRATION;
                Keys persons = registration ? victimKeys : offenderKeys;
                if (!persons.contains(p.key())) {
                    problems.add(p.kind(), p.index(), p.keyAt().pointer(), p.keyAt().line(), p.keyAt().column(),
                            registration ? IoRule.UNRESOLVED_VICTIM : IoRule.UNRESOLVED_OFFENDER,
                            (registration ? "registration's victim key matches no accepted victim"
                                    : "case's offender key matches no accepted offender")
                                    + " in the file (key withheld)");
                    problems.rejected(p.kind());
                } else if (bornBy(persons.value(p.key(), NOT_READ), p.eventDay()) || birthProblem(p.eventAt())) {
                    if (registration) {
                        acceptedPendingRegistration((Registration) p.record());
                    } else {
                        acceptedPendingCase((OffenderCase) p.record());
                    }
                    problems.accepted(p.kind());
                    call(registration ? () -> handler.registration((Registration) p.record())
                            : () -> handler.offenderCase((OffenderCase) p.record()));
                } else {
                    problems.rejected(p.kind());
                }
            }
            pending.clear();
            kind = RecordKind.FILE;
            index = -1;
        }

        /** Marks the registration whose id was added last as accepted. */
        private void acceptedRegistration(Registration registration) {
            registrationIds.setLast(registrationValue(registration));
        }

        /** Marks a registration that waited for its victim as accepted. */
        private void acceptedPendingRegistration(Registration registration) {
            registrationIds.set(registration.id().value(), registrationValue(registration));
        }

        /** Marks the case whose id was added last as accepted. */
        private void acceptedCase(OffenderCase offenderCase) {
            caseIds.setLast((int) offenderCase.prosecutorRegistrationDate().toEpochDay());
        }

        /** Marks a case that waited for its offender as accepted. */
        private void acceptedPendingCase(OffenderCase offenderCase) {
            caseIds.set(offenderCase.id().value(), (int) offenderCase.prosecutorRegistrationDate().toEpochDay());
        }

        /**
         * Checks the police reports against the accepted registrations and cases, once every registration and case
         * of the file has been accepted or rejected: the registration is accepted and records a police report
         * filed (TM-IO-0035, TM-IO-0038); each case is accepted (TM-IO-0036) and was registered at the public
         * prosecutor on or after the day the report was filed (TM-IO-0037).
         */
        private void resolveReports() {
            kind = RecordKind.POLICE_REPORT;
            pendingReports.drain(this::resolveReport);
            kind = RecordKind.FILE;
            index = -1;
        }

        private void resolveReport(PendingReport p) {
            index = p.index();
            boolean ok = true;
            int value = registrationIds.value(p.registrationId(), NOT_READ);
            int filed = value == NOT_READ ? -1 : value & 1;
            long at = p.registrationAt();
            if (filed < 0) {
                problems.add(kind, index, pointer("/registrationId"), lineOf(at), columnOf(at),
                        IoRule.UNRESOLVED_REGISTRATION,
                        "police report's registration id matches no accepted registration in the file"
                                + " (id withheld)");
                ok = false;
            } else if (filed == 0) {
                problems.add(kind, index, pointer("/registrationId"), lineOf(at), columnOf(at),
                        IoRule.REPORT_NOT_RECORDED,
                        "police report's registration does not record a police report filed"
                                + " (policeReportFiled must be 'yes')");
                ok = false;
            }
            long filedDay = p.filedDay();
            for (int i = 0; i < p.caseIds().size(); i++) {
                long caseAt = p.caseAt()[i];
                int registered = caseIds.value(p.caseIds().get(i), NOT_READ);
                if (registered == NOT_READ) {
                    problems.add(kind, index, pointer("/caseIds/" + i), lineOf(caseAt), columnOf(caseAt),
                            IoRule.UNRESOLVED_CASE, "police report links to a case id that matches no accepted"
                                    + " case in the file (id withheld)");
                    ok = false;
                } else if (registered < filedDay) {
                    problems.add(kind, index, pointer("/caseIds/" + i), lineOf(caseAt), columnOf(caseAt),
                            IoRule.CASE_BEFORE_REPORT, "linked case was registered at the public prosecutor"
                                    + " before the police report was filed (dates withheld); a report leads"
                                    + " only to a case registered on or after its filing date");
                    ok = false;
                }
            }
            if (ok) {
                problems.accepted(kind);
                if (p.report() != null) {
                    call(() -> handler.policeReport(p.report()));
                }
            } else {
                problems.rejected(kind);
            }
        }

        /**
         * Checks the residence-stage histories against the accepted registrations and the dataset, once every
         * registration of the file has been accepted or rejected: the registration is accepted (TM-IO-0039); no stage
         * is dated before its report date (TM-IO-0060) or after the dataset's creation (TM-IO-0061); a change dated on
         * the report date is the registration's stage (TM-IO-0062).
         */
        private void resolveHistories() {
            kind = RecordKind.RESIDENCE_HISTORY;
            LocalDate created = dataset == null ? null : LocalDate.ofInstant(dataset.created(), ZoneOffset.ofHours(14));
            pendingHistories.drain(p -> resolveHistory(p, created));
            kind = RecordKind.FILE;
            index = -1;
        }

        private void resolveHistory(PendingHistory p, LocalDate created) {
            index = p.index();
            boolean ok = true;
            long[] days = p.days();
            ResidenceSchemeStage[] stageValues = ResidenceSchemeStage.values();
            for (int i = 0; created != null && i < days.length; i++) {
                if (days[i] > created.toEpochDay()) {
                    long at = p.dateAt()[i];
                    problems.add(kind, index, pointer("/stages/" + i + "/effectiveDate"), lineOf(at),
                            columnOf(at), IoRule.STAGE_AFTER_CREATION,
                            "residence stage is dated after the dataset's creation (" + created
                                    + " at the latest) (date withheld)");
                    ok = false;
                }
            }
            int value = registrationIds.value(p.registrationId(), NOT_READ);
            if (value == NOT_READ) {
                long at = p.registrationAt();
                problems.add(kind, index, pointer("/registrationId"), lineOf(at), columnOf(at),
                        IoRule.UNRESOLVED_STAGE_REGISTRATION, "residence-stage history's registration id"
                                + " matches no accepted registration in the file (id withheld)");
                ok = false;
            } else {
                long reportDay = Math.floorDiv(value, 16);
                ResidenceSchemeStage recorded = stageValues[Math.floorMod(value, 16) >> 1];
                for (int i = 0; i < days.length; i++) {
                    long day = days[i];
                    ResidenceSchemeStage stage = stageValues[p.stages()[i]];
                    if (day < reportDay) {
                        long at = p.dateAt()[i];
                        problems.add(kind, index, pointer("/stages/" + i + "/effectiveDate"), lineOf(at),
                                columnOf(at), IoRule.STAGE_BEFORE_REPORT, "residence stage is dated before the"
                                        + " registration's report date (dates withheld); a history starts at the"
                                        + " registration");
                        ok = false;
                    } else if (day == reportDay && stage != recorded) {
                        long at = p.stageAt()[i];
                        problems.add(kind, index, pointer("/stages/" + i + "/stage"), lineOf(at), columnOf(at),
                                IoRule.STAGE_DISAGREES,
                                "residence stage on the report date is " + stage.code()
                                        + ", but the registration records " + recorded.code());
                        ok = false;
                    }
                }
            }
            if (ok) {
                problems.accepted(kind);
                if (p.history() != null) {
                    call(() -> handler.residenceHistory(p.history()));
                }
            } else {
                problems.rejected(kind);
            }
        }

        private void call(Runnable delivery) {
            try {
                delivery.run();
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }

        /** The current string value: from the input's bytes if it is plain ({@link LocatingParser#plainStringEnd}). */
        private String text() throws IOException {
            int end = parser.plainStringEnd();
            return end >= 0 ? parser.plainString(end) : parser.getText();
        }

        /** Decodes the object at the current token; reports problems; returns the value or INVALID. */
        private Object object(ObjectSpec spec, Pointer pointer) throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.START_OBJECT) {
                recordProblem(pointer.toString(), here(), IoRule.WRONG_TYPE, spec.typeName() + " at " + pointer
                        + " must be a JSON object, got " + describe(token));
                parser.skipChildren();
                return Specs.INVALID;
            }
            // Where the object starts, for a missing property (issue 14: as numbers, not a location object).
            long startLine = parser.tokenLine();
            long startColumn = tokenColumn();
            // The spec's arrays, not its lists: the client compiler dispatches every List call (issue 14).
            ObjectSpec.Field[] fields = spec.fieldArray();
            Object[] values = new Object[fields.length];
            int seen = 0;
            boolean ok = true;
            int expected = 0;
            while (true) {
                // The writer's order is the spec's: the next property is most likely the one after the last, which
                // the parser matches by its bytes, without hashing its name (issue 14: names were a sixth of the
                // parsing thread's time). Any other token is read as nextToken() reads it.
                int i;
                String name;
                if (expected < fields.length && parser.nextFieldName(spec.serializedName(expected))) {
                    i = expected;
                    name = fields[i].name();
                } else {
                    token = expected < fields.length ? parser.currentToken() : parser.nextToken();
                    if (token != JsonToken.FIELD_NAME) {
                        break;
                    }
                    name = parser.currentName();
                    i = spec.indexOf(name);
                }
                expected = i + 1;
                if (i < 0 || (seen & (1 << i)) != 0) {
                    // The name's location only for a problem (issue 14: a location per name was a tenth of the
                    // reader's allocations).
                    JsonLocation at = location();
                    parser.nextToken();
                    if (i < 0) {
                        problems.add(kind, index, pointer.toString(), at.getLineNr(), column(at),
                                IoRule.UNKNOWN_PROPERTY, "unknown property" + Values.withheldName(name) + " in "
                                        + spec.typeName() + "; allowed: " + spec.names());
                    } else {
                        problems.add(kind, index, pointer.child(name).toString(), at.getLineNr(), column(at),
                                IoRule.DUPLICATE_PROPERTY, "property '" + name + "' occurs twice in "
                                        + spec.typeName());
                    }
                    parser.skipChildren();
                    ok = false;
                    continue;
                }
                parser.nextToken();
                seen |= 1 << i;
                long line = parser.tokenLine();
                long column = tokenColumn();
                // The value's pointer as its parent and name: built only for a message (issue 14).
                locations.put(pointer, fields[i].name(), line, column);
                Object value = value(spec, i, pointer, line, column);
                if (value == Specs.INVALID) {
                    ok = false;
                } else {
                    values[i] = value;
                }
            }
            for (int i = 0; i < fields.length; i++) {
                if ((seen & (1 << i)) == 0 && fields[i].required()) {
                    problems.add(kind, index, pointer + "/" + fields[i].name(), startLine,
                            startColumn, IoRule.MISSING_PROPERTY, "required property '"
                                    + fields[i].name() + "' is missing from " + spec.typeName());
                    ok = false;
                }
            }
            return ok ? spec.build(values) : Specs.INVALID;
        }

        private Object value(ObjectSpec spec, int i, Pointer parent, long line, long column) throws IOException {
            ObjectSpec.Field field = spec.field(i);
            JsonToken token = parser.currentToken();
            switch (field.type()) {
                case OBJECT:
                    return object(field.nested(), parent.child(field.name()));
                case STRING_LIST:
                    return stringList(spec, i, parent, line, column);
                case OBJECT_LIST:
                    return objectList(spec, i, parent, line, column);
                case INT:
                case LONG:
                    return integer(spec, i, parent, token, line, column);
                default:
                    break;
            }
            if (token != JsonToken.VALUE_STRING) {
                wrongType(spec, i, parent, token, line, column);
                return Specs.INVALID;
            }
            switch (field.type()) {
                case STRING:
                    return text();
                case CODE: {
                    // Codes and dates from the input's bytes when the string is plain, without a string.
                    int end = parser.plainStringEnd();
                    Object constant;
                    if (end >= 0) {
                        int start = parser.plainStringStart();
                        constant = spec.code(i, parser.inputBuffer(), start, end - start);
                        parser.skipPlainString(end);
                    } else {
                        constant = spec.code(i, parser.getTextCharacters(), parser.getTextOffset(),
                                parser.getTextLength());
                    }
                    if (constant == null) {
                        problems.add(kind, index, parent.child(field.name()).toString(), line, column,
                                IoRule.UNKNOWN_CODE, spec.qualifiedName(i) + " is not a code of "
                                        + field.codeList().getSimpleName() + " (value withheld); expected one of "
                                        + Values.codes(field.codeList()));
                        return Specs.INVALID;
                    }
                    return constant;
                }
                case DATE: {
                    int end = parser.plainStringEnd();
                    LocalDate date;
                    if (end >= 0) {
                        int start = parser.plainStringStart();
                        date = Values.date(parser.inputBuffer(), start, end - start);
                        parser.skipPlainString(end);
                    } else {
                        date = Values.date(parser.getTextCharacters(), parser.getTextOffset(),
                                parser.getTextLength());
                    }
                    if (date == null) {
                        problems.add(kind, index, parent.child(field.name()).toString(), line, column,
                                IoRule.INVALID_DATE, spec.qualifiedName(i)
                                        + " is not an ISO-8601 calendar date yyyy-mm-dd (value withheld)");
                        return Specs.INVALID;
                    }
                    return date;
                }
                case TIMESTAMP: {
                    Instant instant = Values.timestamp(parser.getText()).orElse(null);
                    if (instant == null) {
                        problems.add(kind, index, parent.child(field.name()).toString(), line, column,
                                IoRule.INVALID_DATE, spec.qualifiedName(i) + " is not an ISO-8601 timestamp with"
                                        + " seconds and an offset, e.g. 2026-01-31T09:30:00Z (value withheld)");
                        return Specs.INVALID;
                    }
                    return instant;
                }
                default:
                    throw new IllegalStateException("type " + field.type());
            }
        }

        /** Decodes an array of objects; reports each element's problems at its own pointer. */
        private Object objectList(ObjectSpec spec, int field, Pointer parent, long line, long column)
                throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.START_ARRAY) {
                wrongType(spec, field, parent, token, line, column);
                return Specs.INVALID;
            }
            Pointer list = parent.child(spec.field(field).name());
            List<Object> values = new ArrayList<>();
            boolean ok = true;
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                long elementLine = parser.tokenLine();
                long elementColumn = tokenColumn();
                locations.put(list, i, elementLine, elementColumn);
                Pointer elementPointer = list.child(i++);
                Object value = object(spec.field(field).nested(), elementPointer);
                if (value == Specs.INVALID) {
                    ok = false;
                } else {
                    values.add(value);
                }
            }
            return ok ? values : Specs.INVALID;
        }

        /** Decodes an array of strings; reports a non-string element at its own pointer. */
        private Object stringList(ObjectSpec spec, int field, Pointer parent, long line, long column)
                throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.START_ARRAY) {
                wrongType(spec, field, parent, token, line, column);
                return Specs.INVALID;
            }
            Pointer list = parent.child(spec.field(field).name());
            List<String> values = new ArrayList<>();
            boolean ok = true;
            int i = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                long elementLine = parser.tokenLine();
                long elementColumn = tokenColumn();
                locations.put(list, i, elementLine, elementColumn);
                int element = i++;
                if (token != JsonToken.VALUE_STRING) {
                    problems.add(kind, index, list.child(element).toString(), elementLine, elementColumn,
                            IoRule.WRONG_TYPE, spec.qualifiedName(field) + " elements must be strings, got "
                                    + describe(token));
                    parser.skipChildren();
                    ok = false;
                } else {
                    values.add(text());
                }
            }
            return ok ? values : Specs.INVALID;
        }

        private Object integer(ObjectSpec spec, int i, Pointer parent, JsonToken token, long line, long column)
                throws IOException {
            ObjectSpec.Field field = spec.field(i);
            long max = field.type() == ObjectSpec.Type.INT ? Integer.MAX_VALUE : MAX_SAFE_INTEGER;
            long min = field.type() == ObjectSpec.Type.INT ? Integer.MIN_VALUE : -MAX_SAFE_INTEGER;
            Long value = null;
            if (token == JsonToken.VALUE_NUMBER_INT) {
                JsonParser.NumberType type = parser.getNumberType();
                if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                    value = parser.getLongValue();
                }
            } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                BigDecimal decimal = parser.getDecimalValue();
                if (decimal.signum() == 0) {
                    value = 0L;
                } else {
                    decimal = decimal.stripTrailingZeros();
                    if (decimal.scale() > 0) {
                        problems.add(kind, index, parent.child(field.name()).toString(), line, column,
                                IoRule.NUMBER_OUT_OF_RANGE, spec.qualifiedName(i)
                                        + " must be a whole number, got a fraction");
                        return Specs.INVALID;
                    }
                    if (decimal.precision() - decimal.scale() <= 18) {
                        value = decimal.longValueExact();
                    }
                }
            } else {
                wrongType(spec, i, parent, token, line, column);
                return Specs.INVALID;
            }
            if (value == null || value > max || value < min) {
                problems.add(kind, index, parent.child(field.name()).toString(), line, column,
                        IoRule.NUMBER_OUT_OF_RANGE, spec.qualifiedName(i) + " must be an integer from " + min
                                + " to " + max + ", got a number outside");
                return Specs.INVALID;
            }
            return field.type() == ObjectSpec.Type.INT ? (Object) (int) (long) value : (Object) value;
        }

        private void wrongType(ObjectSpec spec, int i, Pointer parent, JsonToken token, long line, long column)
                throws IOException {
            problems.add(kind, index, parent.child(spec.field(i).name()).toString(), line, column,
                    IoRule.WRONG_TYPE,
                    spec.qualifiedName(i) + " must be " + spec.field(i).type().description() + ", got "
                            + describe(token));
            parser.skipChildren();
        }
    }

    /**
     * The value kept with an accepted registration's id: report date (epoch day) &times; 16 + the residence stage's
     * ordinal &times; 2 + 1 if it records a police report filed. Report dates lie within a dataset period of
     * four-digit years, so the value never reaches {@link #NOT_READ}.
     *
     * @param registration the registration
     * @return the value
     */
    private static int registrationValue(Registration registration) {
        return Math.toIntExact(registration.reportDate().toEpochDay() * 16
                + registration.residenceStage().ordinal() * 2L
                + (registration.policeReportFiled() == YesNoUnknown.YES ? 1 : 0));
    }

    /**
     * Rule TM-M-020 across the file: a person's event (a registration's report date; a case's offence date, or its
     * registration date at the public prosecutor when the offence date is not known, as the model's history rule
     * takes it) is not before the person's earliest possible birth day.
     *
     * @param earliestBirthDay the person's earliest possible birth day (epoch day), or {@link #BIRTH_UNKNOWN}
     * @param eventDay         the event (epoch day)
     * @return whether the rule holds
     */
    private static boolean bornBy(int earliestBirthDay, long eventDay) {
        return earliestBirthDay == BIRTH_UNKNOWN || eventDay >= earliestBirthDay;
    }

    /** A person's earliest possible birth day as an epoch day, or {@link #BIRTH_UNKNOWN}. */
    private static int earliestBirthDay(BirthDate birthDate) {
        return birthDate.earliest().map(day -> (int) day.toEpochDay()).orElse(BIRTH_UNKNOWN);
    }

    /**
     * The encoding a UTF-16 or UTF-32 byte-order mark names; UTF-32LE's mark (FF FE 00 00) begins with UTF-16LE's
     * (FF FE), so the longer marks are tested first.
     *
     * @param head the first bytes
     * @param n    how many were read
     * @return e.g. {@code "UTF-32LE"}, or null
     */
    static String byteOrderMark(byte[] head, int n) {
        int b0 = n > 0 ? head[0] & 0xff : -1;
        int b1 = n > 1 ? head[1] & 0xff : -1;
        int b2 = n > 2 ? head[2] & 0xff : -1;
        int b3 = n > 3 ? head[3] & 0xff : -1;
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
            return "UTF-32LE";
        }
        if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
            return "UTF-32BE";
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return "UTF-16LE";
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return "UTF-16BE";
        }
        return null;
    }

    /**
     * The JSON type of a token for messages.
     *
     * @param token the token
     * @return e.g. {@code "a number"}
     */
    static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.asString() == null ? token.name() : "'" + token.asString() + "'";
        }
    }

    /**
     * A parser message without the input text it may quote: quoted runs of two or more characters are
     * replaced, the message is cut at 200 characters, and what is left goes through {@link SafeText#redact}.
     *
     * @param message the message
     * @return the safe message
     */
    static String sanitise(String message) {
        if (message == null) {
            return "";
        }
        String safe = message.replaceAll(", from `[^`]*`", "").replaceAll("'[^']{2,}'", "'…'")
                .replaceAll("\"[^\"]{2,}\"", "\"…\"").replace('\n', ' ').replace('\r', ' ');
        return SafeText.redact(safe.length() > 200 ? safe.substring(0, 200) + "…" : safe);
    }
}
