package org.tipmonitor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A code list: an enum whose constants carry a stable exchange code, an English label and the Dutch term used
 * by the monitors.
 *
 * <p>The {@linkplain #code() code} is the value written in exchange files (lower_snake_case). It never changes
 * once published, even if the Java constant or the label is renamed. Every code list has an explicit
 * {@code unknown} constant: missing values are never represented by {@code null} or a magic number.
 */
public interface CodeList {

    /**
     * The stable exchange code, in lower_snake_case.
     *
     * @return the code, e.g. {@code "domestic_sexual"}
     */
    String code();

    /**
     * The English label for tables and reports.
     *
     * @return the label, e.g. {@code "Domestic sexual exploitation"}
     */
    String label();

    /**
     * The Dutch term used in the monitors' publications.
     *
     * @return the Dutch term, e.g. {@code "binnenlandse seksuele uitbuiting"}
     */
    String dutchTerm();

    /**
     * Looks up a constant of a code list by its exchange code.
     *
     * @param type the code list's enum class
     * @param code the exchange code (exact, case-sensitive)
     * @param <E>  the code list type
     * @return the constant, or empty if no constant has that code
     */
    static <E extends Enum<E> & CodeList> Optional<E> fromCode(Class<E> type, String code) {
        Objects.requireNonNull(type, "type");
        if (code == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(code)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /**
     * The exchange codes of constants, in the order given (e.g. {@code codes(Sex.values())}).
     *
     * @param constants the constants
     * @return their codes (unmodifiable)
     */
    static List<String> codes(CodeList... constants) {
        List<String> codes = new ArrayList<>(constants.length);
        for (CodeList constant : constants) {
            codes.add(constant.code());
        }
        return List.copyOf(codes);
    }
}
