package org.tipmonitor.consumercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every type in a public signature of an exported package of a library module (methods, constructors, fields,
 * type parameters and supertypes of public types) is readable by every user of that module: from java.base, from an
 * exported package of the module itself, or from an exported package of a module it {@code requires transitive}.
 * This is what makes {@code requires org.tipmonitor.io;} alone enough for a user, and it keeps implementation
 * libraries (Jackson, Commons Math, ojAlgo, Hibernate Validator) and internal packages out of the API.
 */
class ApiTypesTest {

    private static final List<String> LIBRARY = List.of("org.tipmonitor.model", "org.tipmonitor.indicators",
            "org.tipmonitor.io");

    @Test
    void publicSignaturesUseOnlyTypesEveryUserReads() throws IOException {
        String runtimePath = Files.readString(Path.of("target", "runtime-path.txt"), StandardCharsets.UTF_8).strip();
        ModuleFinder finder = ModuleFinder.of(Stream.of(runtimePath.split(File.pathSeparator)).map(Path::of)
                .toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), LIBRARY);
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());

        // What the check accepts for io: its API, the model's and Bean Validation's (transitive); not Jackson, not
        // its own internal package.
        Set<String> io = readablePackages(layer.findModule("org.tipmonitor.io").orElseThrow(), layer);
        assertTrue(io.containsAll(Set.of("java.util", "org.tipmonitor.io", "org.tipmonitor.model",
                "org.tipmonitor.model.constraints", "jakarta.validation")), io.toString());
        assertTrue(io.stream().noneMatch(p -> p.startsWith("com.fasterxml") || p.startsWith("org.hibernate")
                || p.contains("internal")), io.toString());

        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (String name : LIBRARY) {
            Module module = layer.findModule(name).orElseThrow();
            Set<String> readable = readablePackages(module, layer);
            for (Class<?> type : exportedTypes(module, finder)) {
                checked++;
                for (Type used : signatureTypes(type)) {
                    for (Class<?> raw : rawTypes(used)) {
                        if (!raw.isPrimitive() && !readable.contains(raw.getPackageName())) {
                            leaks.add(type.getName() + " uses " + raw.getName());
                        }
                    }
                }
            }
        }
        assertTrue(checked > 100, "public types checked: " + checked);
        assertEquals(List.of(), new ArrayList<>(new TreeSet<>(leaks)));
    }

    /** The packages a user who requires only this module can read: java.base's, its own and its transitive ones. */
    private static Set<String> readablePackages(Module module, ModuleLayer layer) {
        Set<String> packages = new HashSet<>();
        Deque<Module> todo = new ArrayDeque<>(List.of(module, Object.class.getModule()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Module m = todo.pop();
            if (!seen.add(m.getName())) {
                continue;
            }
            for (ModuleDescriptor.Exports e : m.getDescriptor().exports()) {
                if (!e.isQualified()) {
                    packages.add(e.source());
                }
            }
            for (ModuleDescriptor.Requires r : m.getDescriptor().requires()) {
                if (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)) {
                    todo.push(layer.findModule(r.name()).orElseThrow());
                }
            }
        }
        return packages;
    }

    /** The public types (top level and nested in public types) of the module's unqualified exported packages. */
    private static List<Class<?>> exportedTypes(Module module, ModuleFinder finder) throws IOException {
        Set<String> exported = new HashSet<>();
        for (ModuleDescriptor.Exports e : module.getDescriptor().exports()) {
            if (!e.isQualified()) {
                exported.add(e.source());
            }
        }
        List<Class<?>> types = new ArrayList<>();
        try (ModuleReader reader = finder.find(module.getName()).orElseThrow().open()) {
            reader.list().filter(r -> r.endsWith(".class") && !r.endsWith("module-info.class")
                    && !r.endsWith("package-info.class")).forEach(r -> {
                        String className = r.substring(0, r.length() - ".class".length()).replace('/', '.');
                        String pkg = className.substring(0, className.lastIndexOf('.'));
                        if (exported.contains(pkg)) {
                            Class<?> type = Class.forName(module, className);
                            if (type != null && isApi(type)) {
                                types.add(type);
                            }
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return types;
    }

    private static boolean isApi(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static List<Type> signatureTypes(Class<?> type) {
        List<Type> used = new ArrayList<>();
        if (type.getGenericSuperclass() != null) {
            used.add(type.getGenericSuperclass());
        }
        used.addAll(List.of(type.getGenericInterfaces()));
        for (TypeVariable<?> v : type.getTypeParameters()) {
            used.addAll(List.of(v.getBounds()));
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m.getModifiers()) && !m.isSynthetic()) {
                used.add(m.getGenericReturnType());
                used.addAll(List.of(m.getGenericParameterTypes()));
                used.addAll(List.of(m.getGenericExceptionTypes()));
                for (TypeVariable<?> v : m.getTypeParameters()) {
                    used.addAll(List.of(v.getBounds()));
                }
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c.getModifiers()) && !c.isSynthetic()) {
                used.addAll(List.of(c.getGenericParameterTypes()));
                used.addAll(List.of(c.getGenericExceptionTypes()));
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f.getModifiers()) && !f.isSynthetic()) {
                used.add(f.getGenericType());
            }
        }
        return used;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** The classes a (generic) type names, type variables' bounds excepted (they are checked where declared). */
    private static List<Class<?>> rawTypes(Type type) {
        List<Class<?>> out = new ArrayList<>();
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            out.add(element);
        } else if (type instanceof ParameterizedType p) {
            out.addAll(rawTypes(p.getRawType()));
            if (p.getOwnerType() != null) {
                out.addAll(rawTypes(p.getOwnerType()));
            }
            for (Type a : p.getActualTypeArguments()) {
                out.addAll(rawTypes(a));
            }
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                out.addAll(rawTypes(b));
            }
            for (Type b : w.getLowerBounds()) {
                out.addAll(rawTypes(b));
            }
        } else if (type instanceof GenericArrayType g) {
            out.addAll(rawTypes(g.getGenericComponentType()));
        }
        return out;
    }
}
