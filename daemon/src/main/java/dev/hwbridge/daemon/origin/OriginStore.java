package dev.hwbridge.daemon.origin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.registry.AtomicFile;
import dev.hwbridge.daemon.registry.CorruptFiles;
import dev.hwbridge.daemon.server.AccessPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The origins the user approved, kept in {@code <dataDir>/origins.json} as
 * {@code {"version":1,"origins":[{origin, appName, kind, approvedAt}]}}, written atomically on
 * every change. A file that cannot be read is moved aside ({@code origins.json.corrupt-<UTC time>})
 * with a warning and the store starts empty: every origin then asks again. Bounded to
 * {@link #MAX_ORIGINS}; past it the one approved longest ago goes. Thread-safe.
 */
public final class OriginStore {

    public static final String FILE = "origins.json";
    static final int VERSION = 1;
    /** More than anyone uses; keeps a page that cycles origins from growing the file without end. */
    static final int MAX_ORIGINS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(OriginStore.class);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Set<String> FIELDS = Set.of("origin", "appName", "kind", "approvedAt");
    private static final int MAX_FILE_BYTES = 1 << 20;

    /** How a new file content reaches the disk; tests inject failures here. */
    @FunctionalInterface
    interface Writer {
        void write(Path target, byte[] content) throws IOException;
    }

    private final Path file;
    private final Writer writer;
    private final Map<String, OriginRecord> records;

    private OriginStore(Path file, Writer writer, Map<String, OriginRecord> records) {
        this.file = file;
        this.writer = writer;
        this.records = records;
    }

    /**
     * Opens the store in {@code dataDir}; the file is made by the first approval.
     *
     * @throws UncheckedIOException when the file cannot be read or moved aside
     */
    public static OriginStore open(Path dataDir) {
        return open(dataDir, Clock.systemUTC(), AtomicFile::write);
    }

    static OriginStore open(Path dataDir, Clock clock, Writer writer) {
        Path file = Objects.requireNonNull(dataDir, "dataDir").resolve(FILE);
        try {
            return new OriginStore(file, writer, load(file, clock));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the origin store " + file, e);
        }
    }

    public synchronized Optional<OriginRecord> find(String origin) {
        return Optional.ofNullable(records.get(origin));
    }

    /** Every approved origin, in the order approved. */
    public synchronized List<OriginRecord> list() {
        return List.copyOf(records.values());
    }

    /**
     * Keeps {@code record}, replacing an older approval of its origin.
     *
     * @throws UncheckedIOException when the file cannot be written; the store is then unchanged
     */
    public synchronized void approve(OriginRecord record) {
        Map<String, OriginRecord> next = new LinkedHashMap<>(records);
        next.remove(record.origin());
        next.put(record.origin(), record);
        while (next.size() > MAX_ORIGINS) {
            next.remove(next.keySet().iterator().next());
        }
        save(next);
    }

    /**
     * Forgets the approval of {@code origin}.
     *
     * @return false if it was not approved
     * @throws UncheckedIOException when the file cannot be written; the store is then unchanged
     */
    public synchronized boolean revoke(String origin) {
        if (!records.containsKey(origin)) {
            return false;
        }
        Map<String, OriginRecord> next = new LinkedHashMap<>(records);
        next.remove(origin);
        save(next);
        return true;
    }

    private void save(Map<String, OriginRecord> next) {
        try {
            Files.createDirectories(file.getParent());
            writer.write(file, encode(next.values()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        records.clear();
        records.putAll(next);
    }

    static byte[] encode(Iterable<OriginRecord> records) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", VERSION);
        ArrayNode array = root.putArray("origins");
        for (OriginRecord record : records) {
            ObjectNode node = array.addObject();
            node.put("origin", record.origin());
            node.put("appName", record.appName());
            node.put("kind", record.kind().wireName());
            node.put("approvedAt", record.approvedAt().toString());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private static Map<String, OriginRecord> load(Path file, Clock clock) throws IOException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return aside(file, clock, "larger than " + MAX_FILE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            // No approval yet: the normal first start.
            return new LinkedHashMap<>();
        }
        try {
            return decode(bytes);
        } catch (IllegalArgumentException e) {
            return aside(file, clock, e.getMessage());
        }
    }

    private static Map<String, OriginRecord> aside(Path file, Clock clock, String why) throws IOException {
        Path moved = CorruptFiles.moveAside(file, clock);
        LOG.warn("{} cannot be read ({}); moved to {}: every origin must be approved again", file, why,
                moved.getFileName());
        return new LinkedHashMap<>();
    }

    /** @throws IllegalArgumentException naming what is wrong, when the bytes are not a store */
    static Map<String, OriginRecord> decode(byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if (root == null || !root.isObject() || root.size() != 2 || root.path("version").asInt(-1) != VERSION
                || !root.path("origins").isArray()) {
            throw new IllegalArgumentException("not an origin store of version " + VERSION);
        }
        Map<String, OriginRecord> records = new LinkedHashMap<>();
        for (JsonNode node : root.get("origins")) {
            OriginRecord record = record(node);
            if (records.put(record.origin(), record) != null) {
                throw new IllegalArgumentException("an origin twice");
            }
        }
        return records;
    }

    private static OriginRecord record(JsonNode node) {
        if (!node.isObject() || node.size() != FIELDS.size()) {
            throw new IllegalArgumentException("a record is not {origin, appName, kind, approvedAt}");
        }
        for (String field : FIELDS) {
            if (!node.path(field).isTextual()) {
                throw new IllegalArgumentException("a record's " + field + " is not a string");
            }
        }
        String origin = node.get("origin").textValue();
        if (!AccessPolicy.normalizeOrigin(origin).equals(origin)) {
            throw new IllegalArgumentException("an origin not in its normal form");
        }
        try {
            return new OriginRecord(origin, node.get("appName").textValue(),
                    OriginKind.ofWireName(node.get("kind").textValue()),
                    Instant.parse(node.get("approvedAt").textValue()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a record's approvedAt is not a time", e);
        }
    }
}
