package org.tipmonitor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tipmonitor.model.testing.ModelGenerator;

/**
 * Issue 15: a record's {@code toString()} printed whole person keys, which messages never do. Every model record
 * that holds a person key, directly or in a list or a nested record, prints it shortened by
 * {@link PersonKey#toString()}, the one place that decides how a key is shown.
 */
class PersonKeyToStringTest {

    private static final ModelGenerator GENERATOR = new ModelGenerator(15L);
    private static final PersonKey KEY = PersonKey.of("k7vd2m4xq9ht3bw6rn5pc8yz1a");

    /** One instance of each record that holds a key, all holding {@link #KEY}. */
    private static Map<Class<?>, Record> samples() {
        Victim victim = new Victim(KEY, Sex.FEMALE, BirthDate.ofYear(2001), Nationality.DUTCH);
        Registration registration = GENERATOR.registration(KEY, LocalDate.of(2019, 1, 1));
        Offender generated = GENERATOR.offender();
        Offender offender = new Offender(KEY, generated.sex(), generated.birthDate(), generated.countryOfBirth(),
                generated.nationality());
        OffenderCase offenderCase = GENERATOR.offenderCase(KEY, LocalDate.of(2015, 1, 1));
        return Map.of(Victim.class, victim, Registration.class, registration, Offender.class, offender,
                OffenderCase.class, offenderCase, VictimHistory.class, new VictimHistory(victim,
                        List.of(registration)), OffenderHistory.class, new OffenderHistory(offender,
                        List.of(offenderCase)), PersonKey.class, KEY);
    }

    @Test
    void aKeyPrintsItsFirstCharactersOnly() {
        assertEquals("k7vd…", KEY.toString());
        assertEquals("<malformed person key withheld>", PersonKey.of("123456782").toString());
        assertEquals("<malformed person key withheld>", PersonKey.of(null).toString());
        assertEquals("k7vd2m4xq9ht3bw6rn5pc8yz1a", KEY.value());
    }

    /** Every record type of the model that holds a key is sampled here, and none prints the whole key. */
    @Test
    void everyRecordHoldingAKeyPrintsItShortened() throws IOException, URISyntaxException {
        Set<Class<?>> holding = recordsOfTheModel().stream().filter(type -> holdsKey(type, new HashSet<>()))
                .collect(Collectors.toSet());
        Map<Class<?>, Record> samples = samples();
        assertEquals(names(holding), names(samples.keySet()), "records holding a person key, each needs a sample");
        for (Record sample : samples.values()) {
            String text = sample.toString();
            assertFalse(text.contains(KEY.value()), text);
            assertFalse(text.contains(KEY.value().substring(0, PersonKey.SHOWN_CHARACTERS + 1)), text);
            assertTrue(text.contains(KEY.toString()), text);
        }
    }

    private static Set<String> names(Set<Class<?>> types) {
        return types.stream().map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The record classes compiled into the model (its main classes directory), found by reflection. */
    private static List<Class<?>> recordsOfTheModel() throws IOException, URISyntaxException {
        Path root = Path.of(PersonKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".")
                            .replaceAll("\\.class$", ""))
                    .filter(name -> name.startsWith("org.tipmonitor.model."))
                    .map(PersonKeyToStringTest::load).filter(Class::isRecord).toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PersonKey.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether a type is a person key or holds one in a component, a list's elements or a nested record. */
    private static boolean holdsKey(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return false;
        }
        if (type instanceof ParameterizedType parameterized) {
            return Stream.of(parameterized.getActualTypeArguments()).anyMatch(t -> holdsKey(t, seen));
        }
        if (type == PersonKey.class) {
            return true;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                if (holdsKey(component.getGenericType(), seen)) {
                    return true;
                }
            }
        }
        return false;
    }
}
