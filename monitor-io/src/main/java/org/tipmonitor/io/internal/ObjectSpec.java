package org.tipmonitor.io.internal;

import com.fasterxml.jackson.core.io.SerializedString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tipmonitor.model.CodeList;

/**
 * The JSON shape of one object of the exchange format: its properties in canonical order, their types and
 * whether they are required, and how to build the model value from them. Not part of the API.
 */
public final class ObjectSpec {

    /** The JSON type of a property. */
    public enum Type {
        /** A string. */
        STRING("a string"),
        /** A string holding a code of a code list. */
        CODE("a string (a code)"),
        /** A string holding an ISO-8601 date. */
        DATE("a string (ISO-8601 date yyyy-mm-dd)"),
        /** A string holding an RFC 3339 timestamp. */
        TIMESTAMP("a string (ISO-8601 timestamp with offset)"),
        /** An integer in the range of {@code int}; negative values are left to the model's rule TM-M-019. */
        INT("an integer"),
        /** An integer from -(2^53 - 1) to 2^53 - 1, exact in every JSON implementation. */
        LONG("an integer"),
        /** A nested object. */
        OBJECT("an object"),
        /** An array of strings (record identifiers), possibly empty. */
        STRING_LIST("an array of strings"),
        /** An array of nested objects, possibly empty. */
        OBJECT_LIST("an array of objects");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        /**
         * What the JSON value must be, for messages.
         *
         * @return the description
         */
        public String description() {
            return description;
        }
    }

    /**
     * One property.
     *
     * @param name     the JSON name
     * @param type     the JSON type
     * @param required whether it must be present
     * @param codeList the code list of a {@link Type#CODE} property
     * @param nested   the spec of an {@link Type#OBJECT} property
     */
    public record Field(String name, Type type, boolean required,
                        Class<? extends Enum<?>> codeList, ObjectSpec nested) {
    }

    private final String typeName;
    private final List<Field> fields;
    private final Field[] fieldArray;
    private final Map<String, Integer> index = new HashMap<>();
    private final Function<Object[], Object> factory;
    private final String[] qualifiedNames;
    /** The property names, interned: Jackson's parser interns the names it reads, so most are found by identity. */
    private final String[] names;
    /** The property names as the parser matches them by their bytes. */
    private final SerializedString[] serializedNames;
    private final List<Map<String, Object>> codes = new ArrayList<>();
    /**
     * Per property: the codes of its code list as bytes (every code is ASCII), and the constants, in the order of
     * the list.
     */
    private final byte[][][] codeBytes;
    private final Object[][] codeConstants;
    /**
     * Per property: an open-addressing table over {@link #codeHash} of the codes, each slot the candidate's position
     * + 1 or 0 when empty, at least four slots a code (issue 14: a linear search with {@code Arrays.equals} over the
     * candidates was a seventh of the parsing thread's time under the client compiler).
     */
    private final int[][] codeSlots;

    ObjectSpec(String typeName, List<Field> fields, Function<Object[], Object> factory) {
        this.typeName = typeName;
        this.fields = List.copyOf(fields);
        this.fieldArray = fields.toArray(new Field[0]);
        this.factory = factory;
        this.qualifiedNames = new String[fields.size()];
        this.names = new String[fields.size()];
        this.serializedNames = new SerializedString[fields.size()];
        this.codeBytes = new byte[fields.size()][][];
        this.codeConstants = new Object[fields.size()][];
        this.codeSlots = new int[fields.size()][];
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            index.put(field.name(), i);
            names[i] = field.name().intern();
            serializedNames[i] = new SerializedString(names[i]);
            qualifiedNames[i] = typeName + "." + field.name();
            Map<String, Object> byCode = new HashMap<>();
            if (field.codeList() != null) {
                for (Enum<?> constant : field.codeList().getEnumConstants()) {
                    // The first constant with a code wins, as CodeList.fromCode finds it.
                    byCode.putIfAbsent(((CodeList) constant).code(), constant);
                }
            }
            codes.add(byCode);
            codeBytes[i] = new byte[byCode.size()][];
            codeConstants[i] = new Object[byCode.size()];
            int k = 0;
            for (Map.Entry<String, Object> entry : byCode.entrySet()) {
                if (!entry.getKey().chars().allMatch(c -> c < 0x80)) {
                    throw new IllegalStateException("a code that is not ASCII in " + field.codeList());
                }
                codeBytes[i][k] = entry.getKey().getBytes(StandardCharsets.US_ASCII);
                codeConstants[i][k++] = entry.getValue();
            }
            int size = Integer.highestOneBit(Math.max(1, byCode.size()) * 4) << 1;
            codeSlots[i] = new int[size];
            for (k = 0; k < codeBytes[i].length; k++) {
                byte[] code = codeBytes[i][k];
                int slot = codeHash(code, 0, code.length) & (size - 1);
                while (codeSlots[i][slot] != 0) {
                    slot = (slot + 1) & (size - 1);
                }
                codeSlots[i][slot] = k + 1;
            }
        }
    }

    /**
     * The type and property name for messages, e.g. {@code "Registration.reportDate"}.
     *
     * @param i the property's position
     * @return the name
     */
    public String qualifiedName(int i) {
        return qualifiedNames[i];
    }

    /**
     * The constant of a {@link Type#CODE} property's code list with a code, as {@link CodeList#fromCode} finds
     * it, from a table built once.
     *
     * @param i    the property's position
     * @param code the code
     * @return the constant, or null if the list has no such code
     */
    public Object code(int i, String code) {
        return codes.get(i).get(code);
    }

    /**
     * {@link #code(int, String)} of a code given as characters (the parser's text buffer), without a string.
     *
     * @param i      the property's position
     * @param text   the characters
     * @param offset where the code starts
     * @param length its length
     * @return the constant, or null if the list has no such code
     */
    public Object code(int i, char[] text, int offset, int length) {
        // Not the reader's hot path (that is the input's bytes, below): a code is ASCII, so is its text.
        byte[] bytes = Values.ascii(text, offset, length);
        return bytes == null ? null : code(i, bytes, 0, length);
    }

    /**
     * {@link #code(int, String)} of a code given as the bytes of a string without escapes (the parser's input),
     * without a string: found through a table of the codes by {@link #codeHash} and compared with
     * {@link #sameBytes} (issue 14: a linear search
     * over the candidates was a seventh of the parsing thread's time under the client compiler).
     *
     * @param i      the property's position
     * @param text   the bytes
     * @param offset where the code starts
     * @param length its length in bytes
     * @return the constant, or null if the list has no such code
     */
    public Object code(int i, byte[] text, int offset, int length) {
        int[] slots = codeSlots[i];
        byte[][] candidates = codeBytes[i];
        int mask = slots.length - 1;
        for (int slot = codeHash(text, offset, length) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int k = slots[slot] - 1;
            byte[] candidate = candidates[k];
            if (candidate.length == length && sameBytes(candidate, text, offset)) {
                return codeConstants[i][k];
            }
        }
        return null;
    }

    /**
     * Whether a candidate's bytes are the input's at an offset, byte by byte: codes are short, and under the client
     * compiler, which makes no intrinsic of {@link Arrays#equals(byte[], int, int, byte[], int, int)}, this loop
     * takes half its time for codes of 2 to 28 bytes (issue 14; eight bytes at a time through a byte-array view
     * took two thirds).
     */
    private static boolean sameBytes(byte[] candidate, byte[] text, int offset) {
        for (int k = 0; k < candidate.length; k++) {
            if (candidate[k] != text[offset + k]) {
                return false;
            }
        }
        return true;
    }

    /** A hash of a code from its length and its first, middle and last bytes (0 for the empty code). */
    private static int codeHash(byte[] text, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int h = length * 31 + text[offset];
        h = h * 31 + text[offset + (length >> 1)];
        h = h * 31 + text[offset + length - 1];
        return h ^ (h >>> 7) ^ (h >>> 13);
    }

    /**
     * The name of the type for messages, e.g. {@code "Registration"}.
     *
     * @return the name
     */
    public String typeName() {
        return typeName;
    }

    /**
     * The properties in canonical order.
     *
     * @return the properties
     */
    public List<Field> fields() {
        return fields;
    }

    /**
     * A property's name as the parser matches it ({@code JsonParser.nextFieldName}).
     *
     * @param i the property's position
     * @return the name
     */
    public SerializedString serializedName(int i) {
        return serializedNames[i];
    }

    /**
     * The properties in canonical order, as an array the caller must not change (the reader's hot path).
     *
     * @return the properties
     */
    Field[] fieldArray() {
        return fieldArray;
    }

    /**
     * A property.
     *
     * @param i its position
     * @return the property
     */
    public Field field(int i) {
        return fieldArray[i];
    }

    /**
     * The position of a property.
     *
     * @param name the name
     * @return the position, or -1 if the format has no such property
     */
    public int indexOf(String name) {
        for (int k = 0; k < names.length; k++) {
            if (names[k] == name) {
                return k;
            }
        }
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /**
     * Builds the value from the properties' values (null where absent).
     *
     * @param values the values in canonical order
     * @return the value
     */
    public Object build(Object[] values) {
        return factory.apply(values);
    }

    /**
     * A comma-separated list of the property names.
     *
     * @return the names
     */
    public String names() {
        StringBuilder names = new StringBuilder();
        for (Field field : fields) {
            names.append(names.length() == 0 ? "" : ", ").append(field.name());
        }
        return names.toString();
    }

    static Field string(String name, boolean required) {
        return new Field(name, Type.STRING, required, null, null);
    }

    static <E extends Enum<E> & CodeList> Field code(String name, Class<E> codeList) {
        return new Field(name, Type.CODE, true, codeList, null);
    }

    static Field date(String name, boolean required) {
        return new Field(name, Type.DATE, required, null, null);
    }

    static Field timestamp(String name) {
        return new Field(name, Type.TIMESTAMP, true, null, null);
    }

    static Field integer(String name) {
        return new Field(name, Type.INT, true, null, null);
    }

    static Field longInteger(String name) {
        return new Field(name, Type.LONG, true, null, null);
    }

    static Field stringList(String name) {
        return new Field(name, Type.STRING_LIST, true, null, null);
    }

    static Field objectList(String name, ObjectSpec nested) {
        return new Field(name, Type.OBJECT_LIST, true, null, nested);
    }

    static Field object(String name, ObjectSpec nested) {
        return new Field(name, Type.OBJECT, true, null, nested);
    }
}
