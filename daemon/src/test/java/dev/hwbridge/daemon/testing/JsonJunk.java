package dev.hwbridge.daemon.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random JSON for parser properties: trees whose member names and strings are drawn mostly from
 * the vocabulary the parser looks for (so the junk reaches deep checks), and mutations of a valid
 * document (one node replaced, removed or added).
 */
public final class JsonJunk {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonJunk() {
    }

    /** Random JSON values, up to a small depth, over the given member names and string values. */
    public static Arbitrary<JsonNode> values(List<String> names, List<String> strings) {
        return Arbitraries.randomValue(random -> value(random, names, strings, 0));
    }

    /** {@code document} with one random change somewhere, possibly deep. */
    public static Arbitrary<JsonNode> mutations(JsonNode document, List<String> names, List<String> strings) {
        return Arbitraries.randomValue(random -> {
            JsonNode copy = document.deepCopy();
            int changes = 1 + random.nextInt(3);
            for (int i = 0; i < changes; i++) {
                copy = mutate(copy, random, names, strings);
            }
            return copy;
        });
    }

    private static JsonNode mutate(JsonNode root, Random random, List<String> names, List<String> strings) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty() || random.nextInt(20) == 0) {
            return value(random, names, strings, 0);
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            int action = random.nextInt(3);
            if (action == 0 && !keys.isEmpty()) {
                object.remove(keys.get(random.nextInt(keys.size())));
            } else if (action == 1 && !keys.isEmpty()) {
                object.set(keys.get(random.nextInt(keys.size())), value(random, names, strings, 2));
            } else {
                object.set(pick(random, names), value(random, names, strings, 2));
            }
        } else if (target instanceof ArrayNode array) {
            int action = random.nextInt(3);
            if (action == 0 && array.size() > 0) {
                array.remove(random.nextInt(array.size()));
            } else if (action == 1 && array.size() > 0) {
                array.set(random.nextInt(array.size()), value(random, names, strings, 2));
            } else {
                array.add(value(random, names, strings, 2));
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }

    private static JsonNode value(Random random, List<String> names, List<String> strings, int depth) {
        int kind = random.nextInt(depth >= 3 ? 7 : 9);
        switch (kind) {
            case 0:
                return F.nullNode();
            case 1:
                return F.booleanNode(random.nextBoolean());
            case 2:
                return F.numberNode(smallOrEdgeInt(random));
            case 3:
                return random.nextBoolean() ? F.numberNode(random.nextDouble() * 1e6 - 5e5)
                        : F.numberNode(new BigDecimal(new BigInteger(200, random)).movePointLeft(random.nextInt(5)));
            case 4:
                return F.numberNode(new BigInteger(random.nextInt(200) + 1, random).negate().add(BigInteger.valueOf(random.nextInt(3))));
            case 5:
            case 6:
                return F.textNode(text(random, strings));
            case 7: {
                ArrayNode array = F.arrayNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    array.add(value(random, names, strings, depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = F.objectNode();
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    object.set(pick(random, names), value(random, names, strings, depth + 1));
                }
                return object;
            }
        }
    }

    private static long smallOrEdgeInt(Random random) {
        long[] edges = {0, 1, -1, 4, 42, 46, 47, 255, 256, 16383, 16384, Integer.MAX_VALUE, Long.MAX_VALUE,
            Long.MIN_VALUE, 0xffff_ffffL, 1L << 32};
        return random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt(100);
    }

    private static String text(Random random, List<String> strings) {
        int kind = random.nextInt(6);
        if (kind <= 2 && !strings.isEmpty()) {
            return strings.get(random.nextInt(strings.size()));
        }
        if (kind == 3) {
            StringBuilder hex = new StringBuilder("0x");
            int n = random.nextInt(70);
            for (int i = 0; i < n; i++) {
                hex.append("0123456789abcdefABCDEFg".charAt(random.nextInt(23)));
            }
            return hex.toString();
        }
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            out.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(0x5f) : random.nextInt(0x10000)));
        }
        return out.toString();
    }

    private static String pick(Random random, List<String> names) {
        return random.nextInt(8) == 0 ? "x" + random.nextInt(10) : names.get(random.nextInt(names.size()));
    }
}
