package dev.hwbridge.simulator.keystore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * A polkadot-js JSON account file, parsed and checked field by field but not yet decrypted.
 * Follows {@code Keyring.createFromJson} and {@code jsonDecrypt}: version "3" wants content
 * ["pkcs8", type]; version "0" or a non-array content leaves the type to the caller;
 * {@code encoding.type} may be an array (v3) or a string (v2); {@code encoded} may be base64
 * (v3) or 0x-hex (v2).
 *
 * @param encoded the decoded bytes of {@code encoded}; null when the field is "" (see {@link #addressOnly})
 */
record KeystoreFile(KeyScheme scheme, Encryption encryption, byte[] encoded, FileAddress address, JsonNode meta)
        implements AutoCloseable {

    /** How the body is sealed. */
    enum Encryption {
        /** v3: key = scrypt(password, salt, N, p, r)[0..32], then secretbox. */
        SCRYPT,
        /** v2: key = password zero-padded or cut to 32 bytes, then secretbox. */
        PADDED_PASSWORD,
        /** The body is stored in the clear (or only its public part is). */
        NONE
    }

    static final int MAX_JSON_CHARS = 64 * 1024;
    /** polkadot-js encodings are at most 201 bytes (316 hex digits for v2); leave room, stay bounded. */
    static final int MAX_ENCODED_CHARS = 4096;

    private static final Set<String> VERSIONS = Set.of("0", "1", "2", "3");
    private static final String SCRYPT = "scrypt";
    private static final String XSALSA = "xsalsa20-poly1305";
    private static final String NONE = "none";

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(MAX_JSON_CHARS)
                    .build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** An external account file with {@code encoded: ""}: the address is all it holds. */
    boolean addressOnly() {
        return encoded == null;
    }

    /** Zeroes the decoded {@code encoded}: for an unencrypted file it is the secret itself. */
    @Override
    public void close() {
        if (encoded != null) {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    static KeystoreFile parse(String json, KeyScheme fallbackScheme) {
        JsonNode root = readTree(json);
        if (!root.isObject()) {
            throw invalid("json is not an object");
        }
        JsonNode encoding = root.get("encoding");
        if (encoding == null || encoding.isNull()) {
            throw invalid("encoding is missing");
        }
        if (!encoding.isObject()) {
            throw invalid("encoding is not an object");
        }
        KeyScheme scheme = scheme(encoding, fallbackScheme);
        Encryption encryption = encryption(encoding.get("type"));
        byte[] encoded = encoded(root.get("encoded"), encryption);
        FileAddress address = FileAddress.parse(text(root, "address"), scheme);
        JsonNode meta = root.get("meta");
        if (meta == null || meta.isNull()) {
            meta = JsonNodeFactory.instance.objectNode();
        } else if (!meta.isObject()) {
            throw invalid("meta is not an object");
        }
        return new KeystoreFile(scheme, encryption, encoded, address, meta);
    }

    private static JsonNode readTree(String json) {
        if (json == null) {
            throw invalid("json is missing");
        }
        if (json.length() > MAX_JSON_CHARS) {
            throw invalid("json is longer than " + MAX_JSON_CHARS + " characters");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the text, and an unencrypted file holds a secret: keep
            // only the position.
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw invalid("json is not valid JSON" + where);
        }
    }

    private static KeyScheme scheme(JsonNode encoding, KeyScheme fallbackScheme) {
        String version = text(encoding, "encoding.version", "version");
        if (!VERSIONS.contains(version)) {
            throw new SignerException(SignerError.UNSUPPORTED_JSON, "encoding.version is not 0, 1, 2 or 3");
        }
        JsonNode content = encoding.get("content");
        if ("3".equals(version)) {
            if (content == null || content.isNull()) {
                throw invalid("encoding.content is missing");
            }
            if (!content.isArray() || !"pkcs8".equals(content.path(0).asText(null))) {
                throw new SignerException(SignerError.UNSUPPORTED_JSON, "encoding.content does not start with pkcs8");
            }
        }
        if ("0".equals(version) || content == null || !content.isArray()) {
            return fallbackScheme;
        }
        JsonNode type = content.get(1);
        if (type == null || !type.isTextual()) {
            throw invalid("encoding.content[1] is missing");
        }
        for (KeyScheme scheme : KeyScheme.values()) {
            if (scheme.id().equals(type.textValue())) {
                return scheme;
            }
        }
        if ("ethereum".equals(type.textValue())) {
            throw new SignerException(SignerError.UNSUPPORTED_JSON, "ethereum accounts are not supported");
        }
        throw new SignerException(SignerError.UNSUPPORTED_JSON, "encoding.content[1] is not sr25519, ed25519 or ecdsa");
    }

    private static Encryption encryption(JsonNode type) {
        if (type == null || type.isNull()) {
            throw invalid("encoding.type is missing");
        }
        Set<String> names = new HashSet<>();
        if (type.isTextual()) {
            names.add(type.textValue());
        } else if (type.isArray()) {
            for (JsonNode name : type) {
                if (!name.isTextual()) {
                    throw invalid("encoding.type is not a string or an array of strings");
                }
                names.add(name.textValue());
            }
        } else {
            throw invalid("encoding.type is not a string or an array of strings");
        }
        if (names.equals(Set.of(SCRYPT, XSALSA))) {
            return Encryption.SCRYPT;
        }
        if (names.equals(Set.of(XSALSA))) {
            return Encryption.PADDED_PASSWORD;
        }
        if (names.equals(Set.of(NONE))) {
            return Encryption.NONE;
        }
        throw new SignerException(SignerError.UNSUPPORTED_JSON,
                "encoding.type is not [scrypt, xsalsa20-poly1305], xsalsa20-poly1305 or none");
    }

    private static byte[] encoded(JsonNode field, Encryption encryption) {
        if (field == null || field.isNull()) {
            throw invalid("encoded is missing");
        }
        if (!field.isTextual()) {
            throw invalid("encoded is not a string");
        }
        String text = field.textValue();
        if (text.length() > MAX_ENCODED_CHARS) {
            throw invalid("encoded is longer than " + MAX_ENCODED_CHARS + " characters");
        }
        if (text.isEmpty()) {
            // polkadot-js accepts "" for hardware/external accounts: the address is all there is.
            if (encryption != Encryption.NONE) {
                throw invalid("encoded is empty but encoding.type says it is encrypted");
            }
            return null;
        }
        if (Hex.isHex(text)) {
            return Hex.fromHex(text);
        }
        // polkadot-js writes standard base64 with padding, and its decoder wants the padding.
        if (text.length() % 4 != 0) {
            throw invalid("encoded is not base64");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SignerException(SignerError.INVALID_JSON, "encoded is not base64", e);
        }
    }

    private static String text(JsonNode parent, String field) {
        return text(parent, field, field);
    }

    private static String text(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw invalid(path + " is missing");
        }
        if (!node.isTextual()) {
            throw invalid(path + " is not a string");
        }
        return node.textValue();
    }

    private static SignerException invalid(String message) {
        return new SignerException(SignerError.INVALID_JSON, message);
    }
}
