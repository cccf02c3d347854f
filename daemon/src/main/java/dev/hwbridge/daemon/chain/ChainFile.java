package dev.hwbridge.daemon.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

/**
 * One stored runtime on disk: a first line {@code hwbridge-chain 1}, a line of JSON with the
 * {@link ChainRecord} and the metadata's length and blake2b-256, then the metadata bytes as they
 * came (raw, not hex). Reading is strict: a wrong first line, a missing or extra member, a value
 * out of range, a length or checksum that does not match make the whole file unreadable.
 */
final class ChainFile {

    static final String MAGIC = "hwbridge-chain 1\n";
    /** The JSON line is a few hundred bytes; this bounds the search for its end. */
    static final int MAX_HEADER_BYTES = 4096;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Set<String> FIELDS = Set.of("genesisHash", "specVersion", "specName", "ss58Format",
            "metadataHash", "tokenDecimals", "tokenSymbol", "addedAt", "metadataLength", "metadataBlake2b256");

    private ChainFile() {
    }

    /** A file's content, read back. */
    record Stored(ChainRecord record, byte[] metadata) {
    }

    /** Thrown when the bytes are not a stored runtime; the message names the defect, never content. */
    static final class UnreadableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableException(String message) {
            super(message);
        }
    }

    static byte[] encode(ChainRecord record, byte[] metadata) {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("genesisHash", record.genesisHash());
        header.put("specVersion", record.specVersion());
        header.put("specName", record.specName());
        header.put("ss58Format", record.ss58Format());
        header.put("metadataHash", record.metadataHash());
        header.put("tokenDecimals", record.tokenDecimals());
        header.put("tokenSymbol", record.tokenSymbol());
        header.put("addedAt", record.addedAt().toString());
        header.put("metadataLength", metadata.length);
        header.put("metadataBlake2b256", Hex.toHex(Blake2b.hash256(metadata)));
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length() + json.length + 1 + metadata.length);
        out.writeBytes(MAGIC.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(json);
        out.write('\n');
        out.writeBytes(metadata);
        return out.toByteArray();
    }

    static Stored decode(byte[] content) throws UnreadableException {
        byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
        if (content.length < magic.length || !Arrays.equals(content, 0, magic.length, magic, 0, magic.length)) {
            throw new UnreadableException("not a stored chain (first line)");
        }
        int end = -1;
        for (int i = magic.length; i < content.length && i < magic.length + MAX_HEADER_BYTES; i++) {
            if (content[i] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new UnreadableException("no header line");
        }
        JsonNode header;
        try {
            header = MAPPER.readTree(Arrays.copyOfRange(content, magic.length, end));
        } catch (IOException e) {
            throw new UnreadableException("the header is not JSON");
        }
        if (header == null || !header.isObject() || header.size() != FIELDS.size()) {
            throw new UnreadableException("the header does not have exactly the expected members");
        }
        for (Iterator<String> names = header.fieldNames(); names.hasNext(); ) {
            if (!FIELDS.contains(names.next())) {
                throw new UnreadableException("the header has an unknown member");
            }
        }
        byte[] metadata = Arrays.copyOfRange(content, end + 1, content.length);
        if (integer(header, "metadataLength", Integer.MAX_VALUE) != metadata.length) {
            throw new UnreadableException("the metadata is not as long as the header says");
        }
        byte[] checksum = Hex.fromHex(hex(header, "metadataBlake2b256"));
        if (!MessageDigest.isEqual(checksum, Blake2b.hash256(metadata))) {
            throw new UnreadableException("the metadata's checksum does not match");
        }
        try {
            ChainRecord record = new ChainRecord(text(header, "genesisHash"), integer(header, "specVersion", 0xffff_ffffL),
                    text(header, "specName"), (int) integer(header, "ss58Format", 0xffff), text(header, "metadataHash"),
                    (int) integer(header, "tokenDecimals", 0xff), text(header, "tokenSymbol"),
                    Instant.parse(text(header, "addedAt")));
            return new Stored(record, metadata);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UnreadableException("the header has a value out of range");
        }
    }

    private static String text(JsonNode header, String field) throws UnreadableException {
        JsonNode value = header.get(field);
        if (value == null || !value.isTextual()) {
            throw new UnreadableException("the header has no valid " + field);
        }
        return value.textValue();
    }

    private static String hex(JsonNode header, String field) throws UnreadableException {
        String text = text(header, field);
        if (text.length() != 66 || !Hex.isHex(text)) {
            throw new UnreadableException("the header has no valid " + field);
        }
        return text;
    }

    /** An integer in {@code 0..max}. */
    private static long integer(JsonNode header, String field, long max) throws UnreadableException {
        JsonNode value = header.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < 0 || value.longValue() > max) {
            throw new UnreadableException("the header has no valid " + field);
        }
        return value.longValue();
    }
}
