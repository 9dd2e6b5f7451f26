package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No Jackson, Bean Validation provider or internal type appears in a public signature of the API package. */
class PublicApiTest {

    private static final List<Class<?>> API = List.of(CsvExchange.class, Dataset.class, ExchangeException.class,
            ExchangeFile.class, ExchangeFormat.class, ExchangeReader.class, ExchangeWriter.class, IoRule.class,
            Problem.class, ProducerType.class, Pseudonymiser.class, RecordCounts.class, RecordHandler.class,
            RecordKind.class, RecordWriter.class, ResultJson.class, SafeText.class, ValidationReport.class,
            MonitorData.class);

    @Test
    void publicSignaturesUseNoImplementationTypes() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : API) {
            for (Method method : type.getDeclaredMethods()) {
                if (visible(method.getModifiers())) {
                    check(type, method.getName(), method.getGenericReturnType(), leaks);
                    for (Type parameter : method.getGenericParameterTypes()) {
                        check(type, method.getName(), parameter, leaks);
                    }
                    for (Type thrown : method.getGenericExceptionTypes()) {
                        check(type, method.getName(), thrown, leaks);
                    }
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (visible(constructor.getModifiers())) {
                    for (Type parameter : constructor.getGenericParameterTypes()) {
                        check(type, "<init>", parameter, leaks);
                    }
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers())) {
                    check(type, field.getName(), field.getGenericType(), leaks);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void everyPublicTypeOfThePackageIsListed() throws Exception {
        List<String> missing = new ArrayList<>();
        java.nio.file.Path classes = java.nio.file.Path.of(ExchangeReader.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).resolve("org/tipmonitor/io");
        try (var files = java.nio.file.Files.list(classes)) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
                    Class<?> type = Class.forName("org.tipmonitor.io." + name.replace(".class", ""));
                    if (Modifier.isPublic(type.getModifiers()) && !API.contains(type)) {
                        missing.add(type.getSimpleName());
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(Class<?> owner, String member, Type type, List<String> leaks) {
        String name = type.getTypeName();
        if (name.contains("com.fasterxml") || name.contains("org.hibernate") || name.contains("jakarta.validation")
                || name.contains("org.tipmonitor.io.internal")) {
            leaks.add(owner.getSimpleName() + "." + member + ": " + name);
        }
    }
}
