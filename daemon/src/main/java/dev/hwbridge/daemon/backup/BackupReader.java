package dev.hwbridge.daemon.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.account.AccountId;
import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.EthereumAddress;
import dev.hwbridge.protocol.ledger.LedgerPath;
import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Address;
import dev.hwbridge.protocol.account.Ss58Prefix;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a backup document for restore: a {@link HwbridgeBackup} document, or polkadot-js
 * external/hardware account files (one object, or an array of them, as {@link PolkadotJsExport}
 * and ui-keyring write them). Anything else is refused, and so is every file that holds a secret
 * (encrypted or plain PKCS#8 exports, encrypted batch exports): the host never imports secrets.
 *
 * <p>Validation is complete (types, lengths, hex, SS58, address ↔ public key, scheme, path syntax,
 * version) and stops at the first problem, found in document order and, within an object, in the
 * order the format lists its members (cross-member checks and unknown members last).
 *
 * <p>Bounds: at most {@link #MAX_ACCOUNTS} accounts and short strings are checked here; the size
 * of the document as a whole is the caller's to bound before parsing it (the daemon's WebSocket
 * frame limit, 1 MiB, does).
 */
public final class BackupReader {

    public static final int MAX_ACCOUNTS = 10_000;
    public static final int MAX_NAME_LENGTH = 256;
    /** polkadot-js's default prefix; given to ecdsa files whose address is a hex public key. */
    public static final int DEFAULT_SS58_FORMAT = 42;

    private static final int HASH_LENGTH = 32;
    /** The scheme of a Ledger's Ethereum-style keys (version 2). */
    static final String ETHEREUM = "ethereum";
    private static final int MAX_TIMESTAMP_LENGTH = 64;
    /** A public-only body is 53 or 54 bytes (72 base64 chars); anything far longer is refused early. */
    private static final int MAX_ENCODED_LENGTH = 1024;
    private static final int MAX_POINTER_MEMBER_LENGTH = 64;

    private static final Set<String> ROOT_MEMBERS = Set.of("format", "version", "createdAt", "device", "accounts");
    private static final Set<String> DEVICE_MEMBERS = Set.of("label", "fingerprint");
    private static final Set<String> ACCOUNT_MEMBERS = Set.of("name", "address", "publicKey", "scheme", "path",
            "passwordProtected", "ss58Format", "genesisHash");

    private BackupReader() {
    }

    /** @throws InvalidBackupException naming the first problem by JSON pointer */
    public static ParsedBackup read(JsonNode document) throws InvalidBackupException {
        if (document != null && document.isObject()) {
            if (document.has("format")) {
                return readHwbridge(document);
            }
            if (document.has("encoding") || document.has("encoded")) {
                return new ParsedBackup(ParsedBackup.POLKADOT_JS, null, null,
                        List.of(readPolkadotJsFile(document, "")));
            }
        } else if (document != null && document.isArray()) {
            return readPolkadotJsFiles(document);
        }
        throw new InvalidBackupException("",
                "neither a hwbridge backup nor polkadot-js external/hardware account files");
    }

    // ---- the hwbridge format -------------------------------------------------------------------

    private static ParsedBackup readHwbridge(JsonNode root) throws InvalidBackupException {
        JsonNode format = root.get("format");
        if (!format.isTextual() || !format.textValue().equals(HwbridgeBackup.FORMAT)) {
            throw new InvalidBackupException("/format", "expected \"" + HwbridgeBackup.FORMAT + "\"");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new InvalidBackupException("/version", "an integer is required");
        }
        if (!version.canConvertToInt() || version.intValue() < HwbridgeBackup.FIRST_VERSION
                || version.intValue() > HwbridgeBackup.VERSION) {
            throw new InvalidBackupException("/version", "versions " + HwbridgeBackup.FIRST_VERSION + " to "
                    + HwbridgeBackup.VERSION + " are known");
        }
        JsonNode createdAt = root.get("createdAt");
        if (createdAt == null || !createdAt.isTextual() || createdAt.textValue().length() > MAX_TIMESTAMP_LENGTH
                || !isInstant(createdAt.textValue())) {
            throw new InvalidBackupException("/createdAt", "an ISO-8601 UTC timestamp is required");
        }
        JsonNode device = root.get("device");
        if (device == null || !device.isObject()) {
            throw new InvalidBackupException("/device", "an object is required");
        }
        String label = nullableText(device, "label", HwbridgeBackup.MAX_LABEL_LENGTH, "/device/label");
        String fingerprint = nullableHash(device, "fingerprint", "/device/fingerprint");
        checkMembers(device, DEVICE_MEMBERS, "/device");
        JsonNode accounts = root.get("accounts");
        if (accounts == null || !accounts.isArray()) {
            throw new InvalidBackupException("/accounts", "an array is required");
        }
        if (accounts.size() > MAX_ACCOUNTS) {
            throw new InvalidBackupException("/accounts", "at most " + MAX_ACCOUNTS + " accounts");
        }
        List<BackupAccount> parsed = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            parsed.add(readHwbridgeAccount(accounts.get(i), "/accounts/" + i, version.intValue()));
        }
        checkMembers(root, ROOT_MEMBERS, "");
        return new ParsedBackup(ParsedBackup.HWBRIDGE, label, fingerprint, parsed);
    }

    private static BackupAccount readHwbridgeAccount(JsonNode node, String at, int version) throws InvalidBackupException {
        if (!node.isObject()) {
            throw new InvalidBackupException(at, "an object is required");
        }
        String name = text(node, "name", MAX_NAME_LENGTH, at + "/name");
        String addressText = text(node, "address", Ss58.MAX_ADDRESS_LENGTH, at + "/address");
        if (version >= 2 && ETHEREUM.equals(node.path("scheme").asText(null))) {
            return readEthereumAccount(node, at, name, addressText);
        }
        Ss58Address address = ss58(addressText, at + "/address");
        byte[] publicKey = hex(text(node, "publicKey", 2 + 2 * AccountId.ECDSA_PUBLIC_KEY_LENGTH, at + "/publicKey"),
                at + "/publicKey");
        KeyScheme scheme = scheme(node.get("scheme"), at + "/scheme");
        byte[] accountId = accountId(scheme, publicKey, at + "/publicKey");
        String path = text(node, "path", DerivationPath.MAX_LENGTH, at + "/path");
        checkPath(path, scheme, at + "/path", version);
        JsonNode passwordProtected = node.get("passwordProtected");
        if (passwordProtected == null || !passwordProtected.isBoolean()) {
            throw new InvalidBackupException(at + "/passwordProtected", "true or false is required");
        }
        Ss58Prefix prefix = prefix(node.get("ss58Format"), at + "/ss58Format");
        String genesisHash = nullableHash(node, "genesisHash", at + "/genesisHash");
        if (!address.prefix().equals(prefix)) {
            throw new InvalidBackupException(at + "/address", "is not in the account's ss58Format");
        }
        if (!Arrays.equals(address.accountId(), accountId)) {
            throw new InvalidBackupException(at + "/address", "does not belong to the public key");
        }
        checkMembers(node, ACCOUNT_MEMBERS, at);
        return new BackupAccount(name, address.encode(), Hex.toHex(publicKey), scheme.id(), path,
                passwordProtected.booleanValue(), prefix.value(), genesisHash);
    }

    /**
     * A Ledger's Ethereum-style key (version 2): the 33-byte compressed secp256k1 key, its
     * {@code 0x} address (any valid case; written back in EIP-55 case), a Ledger path, no password.
     */
    private static BackupAccount readEthereumAccount(JsonNode node, String at, String name, String addressText)
            throws InvalidBackupException {
        byte[] address;
        try {
            address = EthereumAddress.parse(addressText);
        } catch (FormatException e) {
            throw new InvalidBackupException(at + "/address", "not an Ethereum address: " + e.getMessage());
        }
        byte[] publicKey = hex(text(node, "publicKey", 2 + 2 * AccountId.ECDSA_PUBLIC_KEY_LENGTH, at + "/publicKey"),
                at + "/publicKey");
        byte[] ofKey;
        try {
            if (publicKey.length != AccountId.ECDSA_PUBLIC_KEY_LENGTH) {
                throw new InvalidBackupException(at + "/publicKey", "an ethereum key is the 33-byte compressed key");
            }
            ofKey = EthereumAddress.ofPublicKey(publicKey);
        } catch (FormatException e) {
            throw new InvalidBackupException(at + "/publicKey", e.getMessage());
        }
        String path = text(node, "path", DerivationPath.MAX_LENGTH, at + "/path");
        try {
            LedgerPath.parse(path);
        } catch (IllegalArgumentException e) {
            throw new InvalidBackupException(at + "/path", "scheme ethereum takes a Ledger path: " + e.getMessage());
        }
        JsonNode passwordProtected = node.get("passwordProtected");
        if (passwordProtected == null || !passwordProtected.isBoolean()) {
            throw new InvalidBackupException(at + "/passwordProtected", "true or false is required");
        }
        if (passwordProtected.booleanValue()) {
            throw new InvalidBackupException(at + "/passwordProtected", "a Ledger key has no ///password");
        }
        Ss58Prefix prefix = prefix(node.get("ss58Format"), at + "/ss58Format");
        String genesisHash = nullableHash(node, "genesisHash", at + "/genesisHash");
        if (!Arrays.equals(address, ofKey)) {
            throw new InvalidBackupException(at + "/address", "does not belong to the public key");
        }
        checkMembers(node, ACCOUNT_MEMBERS, at);
        return new BackupAccount(name, EthereumAddress.encode(address), Hex.toHex(publicKey), ETHEREUM, path, false,
                prefix.value(), genesisHash);
    }

    private static void checkPath(String path, KeyScheme scheme, String at, int version) throws InvalidBackupException {
        if (version >= 2 && path.startsWith("m/")) {
            // A Ledger account (version 2): the Polkadot app's BIP32 path, ed25519 keys.
            try {
                LedgerPath.parse(path);
            } catch (IllegalArgumentException e) {
                throw new InvalidBackupException(at, e.getMessage());
            }
            if (scheme != KeyScheme.ED25519) {
                throw new InvalidBackupException(at, "a Ledger path takes scheme ed25519");
            }
            return;
        }
        checkPath(path, scheme, at);
    }

    private static void checkPath(String path, KeyScheme scheme, String at) throws InvalidBackupException {
        if (path.contains("///")) {
            throw new InvalidBackupException(at, "a path never holds a ///password (passwordProtected flags one)");
        }
        DerivationPath parsed;
        try {
            parsed = DerivationPath.parse(path);
        } catch (FormatException e) {
            throw new InvalidBackupException(at, e.getMessage());
        }
        if (parsed.hasSoftJunction() && !scheme.supportsSoftDerivation()) {
            throw new InvalidBackupException(at, "only sr25519 has soft junctions");
        }
    }

    // ---- polkadot-js account files -------------------------------------------------------------

    private static ParsedBackup readPolkadotJsFiles(JsonNode array) throws InvalidBackupException {
        if (array.size() > MAX_ACCOUNTS) {
            throw new InvalidBackupException("", "at most " + MAX_ACCOUNTS + " accounts");
        }
        List<BackupAccount> parsed = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            parsed.add(readPolkadotJsFile(array.get(i), "/" + i));
        }
        return new ParsedBackup(ParsedBackup.POLKADOT_JS, null, null, parsed);
    }

    private static BackupAccount readPolkadotJsFile(JsonNode file, String at) throws InvalidBackupException {
        if (!file.isObject()) {
            throw new InvalidBackupException(at, "a polkadot-js account file (an object) is required");
        }
        JsonNode content = file.path("encoding").path("content");
        boolean ethereum = content.isArray() && content.size() == 2 && ETHEREUM.equals(content.get(1).asText(null));
        // polkadot-js keeps an ethereum key as an ecdsa one (33 bytes compressed, the address its hex).
        KeyScheme scheme = ethereum ? readEncoding(file.get("encoding"), at + "/encoding", KeyScheme.ECDSA)
                : readEncoding(file.get("encoding"), at + "/encoding", null);
        String addressText = text(file, "address", 2 + 2 * AccountId.ECDSA_PUBLIC_KEY_LENGTH, at + "/address");
        byte[] fromBody = readBody(file, scheme, at + "/encoded");
        if (ethereum && !addressText.startsWith("0x")) {
            throw new InvalidBackupException(at + "/address", "an ethereum account file's address is the hex public key");
        }
        byte[] publicKey;
        Ss58Prefix prefix;
        if (scheme == KeyScheme.ECDSA && addressText.startsWith("0x")) {
            // polkadot-js writes an ecdsa file's address as the hex compressed public key.
            byte[] fromAddress = hex(addressText, at + "/address");
            if (fromAddress.length != AccountId.ECDSA_PUBLIC_KEY_LENGTH) {
                throw new InvalidBackupException(at + "/address", "an ecdsa hex address is the 33-byte public key");
            }
            if (fromBody != null && !Arrays.equals(fromBody, fromAddress)) {
                throw new InvalidBackupException(at + "/address", "does not belong to the public key");
            }
            publicKey = fromAddress;
            prefix = Ss58Prefix.of(DEFAULT_SS58_FORMAT);
        } else {
            Ss58Address address = ss58(addressText, at + "/address");
            if (fromBody != null) {
                publicKey = fromBody;
            } else if (scheme == KeyScheme.ECDSA) {
                throw new InvalidBackupException(at + "/encoded",
                        "an ecdsa account needs its public key here or as a hex address");
            } else {
                publicKey = address.accountId();
            }
            if (!Arrays.equals(address.accountId(), accountId(scheme, publicKey, at + "/address"))) {
                throw new InvalidBackupException(at + "/address", "does not belong to the public key");
            }
            prefix = address.prefix();
        }
        byte[] accountId = accountId(scheme, publicKey, at + "/address");
        JsonNode meta = file.get("meta");
        String name = "";
        String genesisHash = null;
        if (meta != null && !meta.isNull()) {
            if (!meta.isObject()) {
                throw new InvalidBackupException(at + "/meta", "an object is required");
            }
            if (meta.has("name") && !meta.get("name").isNull()) {
                name = text(meta, "name", MAX_NAME_LENGTH, at + "/meta/name");
            }
            JsonNode hash = meta.get("genesisHash");
            // The extension writes "" (or null) for an account usable on any chain.
            if (hash != null && !hash.isNull() && !(hash.isTextual() && hash.textValue().isEmpty())) {
                genesisHash = nullableHash(meta, "genesisHash", at + "/meta/genesisHash");
            }
            JsonNode type = meta.get("type");
            String schemeId = ethereum ? ETHEREUM : scheme.id();
            if (type != null && !type.isNull() && !(type.isTextual() && type.textValue().equals(schemeId))) {
                throw new InvalidBackupException(at + "/meta/type", "differs from the key type in encoding.content");
            }
        }
        if (ethereum) {
            String address;
            try {
                address = EthereumAddress.encode(EthereumAddress.ofPublicKey(publicKey));
            } catch (FormatException e) {
                throw new InvalidBackupException(at + "/address", e.getMessage());
            }
            return new BackupAccount(name, address, Hex.toHex(publicKey), ETHEREUM, null, false, prefix.value(),
                    genesisHash);
        }
        return new BackupAccount(name, Ss58.encode(accountId, prefix), Hex.toHex(publicKey), scheme.id(),
                null, false, prefix.value(), genesisHash);
    }

    /** @param ethereumAs the scheme an {@code "ethereum"} key type reads as, or null when it is not taken */
    private static KeyScheme readEncoding(JsonNode encoding, String at, KeyScheme ethereumAs) throws InvalidBackupException {
        if (encoding == null || !encoding.isObject()) {
            throw new InvalidBackupException(at, "an object is required");
        }
        JsonNode content = encoding.get("content");
        if (content == null || !content.isArray() || content.isEmpty() || !content.get(0).isTextual()) {
            throw new InvalidBackupException(at + "/content", "[\"pkcs8\", key type] is required");
        }
        if (content.get(0).textValue().equals("batch-pkcs8")) {
            throw new InvalidBackupException(at + "/content",
                    "an encrypted batch export: export the accounts as hardware accounts instead");
        }
        if (!content.get(0).textValue().equals("pkcs8") || content.size() != 2) {
            throw new InvalidBackupException(at + "/content", "[\"pkcs8\", key type] is required");
        }
        KeyScheme scheme = ethereumAs != null && ETHEREUM.equals(content.get(1).asText(null)) ? ethereumAs
                : scheme(content.get(1), at + "/content/1");
        JsonNode type = encoding.get("type");
        if (type == null || !type.isArray()) {
            throw new InvalidBackupException(at + "/type", "[\"none\"] is required");
        }
        if (type.size() != 1 || !type.get(0).isTextual() || !type.get(0).textValue().equals("none")) {
            throw new InvalidBackupException(at + "/type",
                    "an encrypted account file holds a secret key: import it with account.importEncrypted");
        }
        JsonNode version = encoding.get("version");
        if (version == null || !version.isTextual()
                || !(version.textValue().equals("3") || version.textValue().equals("2"))) {
            throw new InvalidBackupException(at + "/version", "\"3\" (or \"2\") is required");
        }
        return scheme;
    }

    /** The public key in "encoded", or null when it is empty (polkadot-js accepts that too). */
    private static byte[] readBody(JsonNode file, KeyScheme scheme, String at) throws InvalidBackupException {
        String encoded = text(file, "encoded", MAX_ENCODED_LENGTH, at);
        if (encoded.isEmpty()) {
            return null;
        }
        byte[] body;
        try {
            body = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidBackupException(at, "not base64");
        }
        try {
            int keyLength = scheme == KeyScheme.ECDSA ? AccountId.ECDSA_PUBLIC_KEY_LENGTH : AccountId.LENGTH;
            byte[] publicKey = PolkadotJsPair.publicKey(body, keyLength);
            if (publicKey == null) {
                throw new InvalidBackupException(at,
                        "not a public-only account body (a file holding a secret key is never imported here)");
            }
            return publicKey;
        } finally {
            // The body may be a plain PKCS#8 export with the secret key in it.
            Arrays.fill(body, (byte) 0);
        }
    }

    // ---- shared field readers ------------------------------------------------------------------

    private static String text(JsonNode object, String member, int maxLength, String at)
            throws InvalidBackupException {
        JsonNode value = object.get(member);
        if (value == null || !value.isTextual()) {
            throw new InvalidBackupException(at, "a string is required");
        }
        if (value.textValue().length() > maxLength) {
            throw new InvalidBackupException(at, "at most " + maxLength + " characters");
        }
        return value.textValue();
    }

    private static String nullableText(JsonNode object, String member, int maxLength, String at)
            throws InvalidBackupException {
        JsonNode value = object.get(member);
        if (value != null && value.isNull()) {
            return null;
        }
        if (value == null || !value.isTextual()) {
            throw new InvalidBackupException(at, "a string or null is required");
        }
        return text(object, member, maxLength, at);
    }

    private static String nullableHash(JsonNode object, String member, String at) throws InvalidBackupException {
        JsonNode value = object.get(member);
        if (value != null && value.isNull()) {
            return null;
        }
        if (value == null || !value.isTextual() || value.textValue().length() != 2 + 2 * HASH_LENGTH
                || !Hex.isHex(value.textValue())) {
            throw new InvalidBackupException(at, "32 bytes of 0x-hex or null is required");
        }
        return value.textValue().toLowerCase(java.util.Locale.ROOT);
    }

    private static byte[] hex(String text, String at) throws InvalidBackupException {
        try {
            return Hex.fromHex(text);
        } catch (FormatException e) {
            throw new InvalidBackupException(at, "0x-hex is required");
        }
    }

    private static Ss58Address ss58(String text, String at) throws InvalidBackupException {
        try {
            return Ss58.decode(text);
        } catch (FormatException e) {
            throw new InvalidBackupException(at, "not an SS58 address: " + e.getMessage());
        }
    }

    private static KeyScheme scheme(JsonNode value, String at) throws InvalidBackupException {
        if (value != null && value.isTextual()) {
            for (KeyScheme scheme : KeyScheme.values()) {
                if (scheme.id().equals(value.textValue())) {
                    return scheme;
                }
            }
        }
        throw new InvalidBackupException(at, "\"sr25519\", \"ed25519\" or \"ecdsa\" (version 2 also \"ethereum\") is required");
    }

    private static byte[] accountId(KeyScheme scheme, byte[] publicKey, String at) throws InvalidBackupException {
        try {
            return AccountId.of(scheme, publicKey);
        } catch (FormatException e) {
            throw new InvalidBackupException(at, e.getMessage());
        }
    }

    private static Ss58Prefix prefix(JsonNode value, String at) throws InvalidBackupException {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidBackupException(at, "an integer is required");
        }
        try {
            return Ss58Prefix.of(value.intValue());
        } catch (FormatException e) {
            throw new InvalidBackupException(at, e.getMessage());
        }
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void checkMembers(JsonNode object, Set<String> known, String at) throws InvalidBackupException {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidBackupException(at + "/" + escape(name), "not a member of the format");
            }
        }
    }

    /** RFC 6901 escaping; an absurdly long member name is cut so the pointer stays printable. */
    static String escape(String member) {
        String cut = member.length() > MAX_POINTER_MEMBER_LENGTH ? member.substring(0, MAX_POINTER_MEMBER_LENGTH) : member;
        return cut.replace("~", "~0").replace("/", "~1");
    }
}
