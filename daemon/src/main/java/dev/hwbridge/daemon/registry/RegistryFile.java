package dev.hwbridge.daemon.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The on-disk form of the registry: {@code {"version":1,"accounts":[…]}}, one object per
 * {@link AccountRecord} with the record's component names. Reading is strict: an unknown version,
 * a missing or extra member, or a record that fails its checks makes the whole file unreadable.
 */
final class RegistryFile {

    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Set<String> FIELDS = Set.of("name", "address", "publicKey", "scheme", "path",
            "passwordProtected", "ss58Format", "genesisHash", "identity", "deviceFingerprint", "createdAt");

    private RegistryFile() {
    }

    /** Thrown when the file's bytes are not a registry this version understands. */
    static final class UnreadableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableException(String message) {
            super(message);
        }
    }

    static byte[] encode(List<AccountRecord> accounts) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", VERSION);
        ArrayNode array = root.putArray("accounts");
        for (AccountRecord record : accounts) {
            ObjectNode node = array.addObject();
            node.put("name", record.name());
            node.put("address", record.address());
            node.put("publicKey", record.publicKey());
            node.put("scheme", record.scheme());
            node.put("path", record.path());
            node.put("passwordProtected", record.passwordProtected());
            node.put("ss58Format", record.ss58Format());
            node.put("genesisHash", record.genesisHash());
            node.put("identity", record.identity());
            node.put("deviceFingerprint", record.deviceFingerprint());
            node.put("createdAt", record.createdAt().toString());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** Parses a whole file. Messages describe the defect, never the content. */
    static List<AccountRecord> decode(byte[] content) throws UnreadableException {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (IOException e) {
            throw new UnreadableException("not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableException("not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()
                || version.intValue() != VERSION) {
            throw new UnreadableException("not registry format version " + VERSION);
        }
        JsonNode accounts = root.get("accounts");
        if (accounts == null || !accounts.isArray() || root.size() != 2) {
            throw new UnreadableException("expected exactly the members version and accounts");
        }
        List<AccountRecord> records = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            records.add(decodeRecord(accounts.get(i), i));
        }
        return records;
    }

    private static AccountRecord decodeRecord(JsonNode node, int index) throws UnreadableException {
        String where = "account " + index;
        if (!node.isObject()) {
            throw new UnreadableException(where + " is not an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!FIELDS.contains(names.next())) {
                throw new UnreadableException(where + " has an unknown member");
            }
        }
        try {
            return new AccountRecord(
                    text(node, "name", false, where),
                    text(node, "address", false, where),
                    text(node, "publicKey", false, where),
                    text(node, "scheme", false, where),
                    text(node, "path", false, where),
                    bool(node, "passwordProtected", where),
                    integer(node, "ss58Format", where),
                    text(node, "genesisHash", true, where),
                    text(node, "identity", true, where),
                    text(node, "deviceFingerprint", true, where),
                    Instant.parse(text(node, "createdAt", false, where)));
        } catch (InvalidRecordException e) {
            throw new UnreadableException(where + " is invalid: " + e.getMessage());
        } catch (DateTimeParseException e) {
            throw new UnreadableException(where + " has an invalid createdAt");
        }
    }

    private static String text(JsonNode node, String field, boolean nullable, String where)
            throws UnreadableException {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual()) {
            return value.textValue();
        }
        if (nullable && value != null && value.isNull()) {
            return null;
        }
        throw new UnreadableException(where + " has no valid " + field);
    }

    private static boolean bool(JsonNode node, String field, String where) throws UnreadableException {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new UnreadableException(where + " has no valid " + field);
        }
        return value.booleanValue();
    }

    private static int integer(JsonNode node, String field, String where) throws UnreadableException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new UnreadableException(where + " has no valid " + field);
        }
        return value.intValue();
    }
}
