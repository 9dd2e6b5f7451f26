package org.tipmonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for structural changes, a file is valid against the published JSON Schema exactly when the reader
 * accepts it. Each case takes a generated file (or a golden valid one) and makes one seeded structural change to
 * one object of it: a property removed, an unknown property added, a value replaced by one of another JSON type,
 * by an unknown string or by an impossible date, or the properties of an object reordered. Changes that only the
 * library's cross-record rules could judge (removing a record or a whole array, swapping dates) are not made: the
 * README lists those rules as checked by the library only. The schema validates with format assertions on.
 */
class SchemaReaderAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> GOLDEN = List.of("dataset-only.json", "persons-after-their-records.json",
            "victims-and-offenders.json");

    /** One place in the document: an object and one of its properties. */
    private record Slot(String pointer, ObjectNode parent, String property) {
    }

    static Stream<Named<Long>> seeds() {
        return LongStream.rangeClosed(1, 60).mapToObj(seed -> Named.of("seed " + seed, seed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void schemaValidIfAndOnlyIfTheReaderAccepts(long seed) {
        Random random = new Random(seed);
        String base = seed % 4 == 0 ? Fixtures.goldenText("valid/" + GOLDEN.get((int) (seed / 4 % GOLDEN.size())))
                : ExchangeWriter.withDefaults().withPrettyPrint(seed % 2 == 0)
                        .toJson(Fixtures.generated(seed, 1 + random.nextInt(6), random.nextInt(4)));
        ObjectNode document = (ObjectNode) read(base);
        List<Slot> slots = new ArrayList<>();
        collect(document, "", true, slots);
        Slot slot = slots.get(random.nextInt(slots.size()));
        String change = mutate(slot, random, slot.parent() == document);
        String json = document.toString();

        boolean schemaValid = ExchangeSchemaTest.schemaErrors(json).isEmpty();
        ValidationReport report = Fixtures.validate(json);
        assertEquals(schemaValid, report.isValid(), () -> "seed " + seed + ": " + change + "\nschema: "
                + ExchangeSchemaTest.schemaErrors(json) + "\nreader: " + report.toText());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every property of every object; the top level's record arrays are not offered for removal. */
    private static void collect(JsonNode node, String pointer, boolean top, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                if (!(top && field.getValue().isArray())) {
                    slots.add(new Slot(pointer + "/" + name, object, name));
                }
                collect(field.getValue(), pointer + "/" + name, false, slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                collect(array.get(i), pointer + "/" + i, false, slots);
            }
        }
    }

    /** One change; the top level keeps its order, since the dataset must precede the records (TM-IO-0019). */
    private static String mutate(Slot slot, Random random, boolean topLevel) {
        ObjectNode parent = slot.parent();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (random.nextInt(topLevel ? 4 : 5)) {
            case 0:
                parent.remove(slot.property());
                return "removed " + slot.pointer();
            case 1:
                parent.put("colour", "red");
                return "added an unknown property beside " + slot.pointer();
            case 2: {
                JsonNode[] others = {nodes.numberNode(7), nodes.numberNode(1.5), nodes.booleanNode(true),
                        nodes.nullNode(), nodes.arrayNode(), nodes.objectNode(), nodes.textNode("x")};
                JsonNode replacement = others[random.nextInt(others.length)];
                parent.set(slot.property(), replacement);
                return "replaced " + slot.pointer() + " by " + replacement;
            }
            case 3: {
                JsonNode old = parent.get(slot.property());
                String replacement = old.isTextual() && old.asText().matches("\\d{4}-\\d{2}-\\d{2}") ? "2019-02-30"
                        : "no_such_code";
                parent.put(slot.property(), replacement);
                return "replaced " + slot.pointer() + " by \"" + replacement + "\"";
            }
            default: {
                List<String> names = new ArrayList<>();
                parent.fieldNames().forEachRemaining(names::add);
                Collections.shuffle(names, random);
                ObjectNode copy = parent.deepCopy();
                parent.removeAll();
                for (String name : names) {
                    parent.set(name, copy.get(name));
                }
                return "reordered the properties of the object holding " + slot.pointer() + ": " + names;
            }
        }
    }
}
