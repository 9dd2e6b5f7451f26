package org.tipmonitor.indicators.estimation.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tipmonitor.indicators.IndicatorException;
import org.tipmonitor.indicators.IndicatorRule;
import org.tipmonitor.model.CodeList;
import org.tipmonitor.model.ReporterType;

/**
 * Which reporting organisations make up each list of a multiple systems estimate: every {@link ReporterType}
 * belongs to at most one named list, and one list may take all reporter types not named elsewhere.
 *
 * <p>{@link #dutchSixLists()} is the definition of the Dutch studies (van Dijk, Cruyff, van der Heijden &amp;
 * Kragten-Heerdink 2017, as documented with the {@code Ned} table of SparseMSE): I labour inspectorate, K Royal
 * Marechaussee, O shelters, P police, R regional care coordinators, Z all others. A definition is written as text
 * in the form {@code P=police;K=royal_marechaussee;I=labour_inspectorate;R=care_coordinator;O=shelter;Z=*}, with
 * the reporter types' exchange codes, {@code *} for the others, and list names in the order of the table.
 */
public final class ListDefinition {

    private static final String OTHERS = "*";

    private final List<String> names;
    private final Map<ReporterType, String> listOf;
    private final String others;

    private ListDefinition(List<String> names, Map<ReporterType, String> listOf, String others) {
        this.names = List.copyOf(names);
        this.listOf = Collections.unmodifiableMap(new EnumMap<>(listOf));
        this.others = others;
    }

    /**
     * The six lists of the Dutch estimates, in the column order of the published {@code Ned} table.
     *
     * @return I, K, O, P, R and Z
     */
    public static ListDefinition dutchSixLists() {
        return parse("I=labour_inspectorate;K=royal_marechaussee;O=shelter;P=police;R=care_coordinator;Z=*");
    }

    /**
     * Parses a definition such as {@code P=police;K=royal_marechaussee;Z=*}.
     *
     * @param definition the definition: entries NAME=code[,code...] separated by semicolons
     * @return the definition
     * @throws IndicatorException if there are fewer than 2 or more than 12 lists, an entry is malformed, a name repeats, a code is unknown, a reporter type is
     *                            in two lists, or two lists take the others
     */
    public static ListDefinition parse(String definition) {
        Objects.requireNonNull(definition, "definition");
        List<String> names = new ArrayList<>();
        Map<ReporterType, String> listOf = new EnumMap<>(ReporterType.class);
        String others = null;
        for (String entry : definition.split(";", -1)) {
            String trimmed = entry.strip();
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw IndicatorException.of(IndicatorRule.LIST_SPEC_ENTRY, trimmed, definition);
            }
            String name = trimmed.substring(0, equals).strip();
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*") || names.contains(name)) {
                throw IndicatorException.of(IndicatorRule.LIST_SPEC_NAME, name, definition);
            }
            names.add(name);
            for (String code : trimmed.substring(equals + 1).split(",", -1)) {
                String c = code.strip();
                if (OTHERS.equals(c)) {
                    if (others != null) {
                        throw IndicatorException.of(IndicatorRule.LIST_SPEC_CATCH_ALL, others, name);
                    }
                    others = name;
                    continue;
                }
                ReporterType type = CodeList.fromCode(ReporterType.class, c).orElseThrow(() -> IndicatorException.of(
                        IndicatorRule.LIST_SPEC_CODE, c, name, Stream.of(ReporterType.values()).map(ReporterType::code)
                                .collect(Collectors.joining(", "))));
                String previous = listOf.put(type, name);
                if (previous != null) {
                    throw IndicatorException.of(IndicatorRule.LIST_SPEC_TWICE, c, previous, name);
                }
            }
        }
        if (names.size() < CaptureHistories.MIN_LISTS || names.size() > CaptureHistories.MAX_LISTS) {
            throw IndicatorException.of(IndicatorRule.LIST_SPEC_COUNT, names.size(), definition);
        }
        return new ListDefinition(names, listOf, others);
    }

    /**
     * The list names in table order.
     *
     * @return the names
     */
    public List<String> listNames() {
        return names;
    }

    /**
     * The list a reporter type belongs to.
     *
     * @param type the reporter type
     * @return the list's name, or empty if the type is in no list (it is then ignored)
     */
    public Optional<String> listOf(ReporterType type) {
        String named = listOf.get(type);
        return Optional.ofNullable(named != null ? named : others);
    }

    /**
     * The reporter types of each list, in list order; the catch-all list holds every type not named elsewhere.
     *
     * @return list name to reporter types
     */
    public Map<String, List<ReporterType>> members() {
        Map<String, List<ReporterType>> members = new LinkedHashMap<>();
        names.forEach(name -> members.put(name, new ArrayList<>()));
        for (ReporterType type : ReporterType.values()) {
            listOf(type).ifPresent(name -> members.get(name).add(type));
        }
        members.replaceAll((name, types) -> List.copyOf(types));
        return Collections.unmodifiableMap(members);
    }

    /**
     * The definition as text, parseable by {@link #parse(String)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            List<String> codes = new ArrayList<>();
            listOf.forEach((type, list) -> {
                if (list.equals(name)) {
                    codes.add(type.code());
                }
            });
            if (name.equals(others)) {
                codes.add(OTHERS);
            }
            if (text.length() > 0) {
                text.append(';');
            }
            text.append(name).append('=').append(String.join(",", codes));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListDefinition other && names.equals(other.names) && listOf.equals(other.listOf)
                && Objects.equals(others, other.others);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, listOf, others);
    }
}
