package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.backup.Fingerprint;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.ledger.LedgerPath;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.protocol.message.Messages;

/** The params several methods share (scheme, path, ss58Format, identity, …), read and checked one way. */
final class Fields {

    static final int MAX_IDENTITY = 64;
    static final int MAX_LABEL = 64;
    static final int MAX_NAME = 128;
    static final int MAX_PASSWORD = 1024;
    static final int MAX_SESSION = 64;
    static final int MAX_DEVICE_ID = 16;
    /** A payload must fit one MSG frame together with the rest of its request. */
    static final int MAX_PAYLOAD_BYTES = Messages.MAX_SIZE - 512;

    private Fields() {
    }

    static KeyScheme scheme(Params params) throws RpcException {
        String id = params.text("scheme", 16);
        try {
            return KeyScheme.fromId(id);
        } catch (IllegalArgumentException e) {
            throw Params.invalid("scheme", "must be sr25519, ed25519 or ecdsa");
        }
    }

    static Ss58Prefix ss58Format(Params params) throws RpcException {
        int value = params.integer("ss58Format", 0, Ss58Prefix.MAX_VALUE);
        return prefix(value);
    }

    /** An optional ss58Format, 42 (generic Substrate) when absent. */
    static Ss58Prefix optionalSs58Format(Params params) throws RpcException {
        return prefix(params.optionalInteger("ss58Format", 0, Ss58Prefix.MAX_VALUE).orElse(Ss58Prefix.SUBSTRATE.value()));
    }

    /** The identity to use; "" (the device's first) when absent. */
    static String identity(Params params) throws RpcException {
        return params.optionalText("identity", MAX_IDENTITY).orElse("");
    }

    /**
     * A derivation path ({@code ""} is the root), checked as polkadot-js parses it and against
     * the scheme (soft junctions need sr25519).
     *
     * @throws RpcException INVALID_PATH, with a hint when it carries a {@code ///password}
     */
    static DerivationPath path(Params params, String field, KeyScheme scheme) throws RpcException {
        JsonNode value = params.node(field).isTextual() ? params.node(field) : null;
        if (value == null) {
            throw Params.invalid(field, "must be a string");
        }
        return parsePath(value.textValue(), field, scheme);
    }

    /**
     * The path a device is asked for: a Ledger path {@code m/44'/354'/account'/change'/index'}
     * (ed25519 only: the app's secp256k1 keys are Ethereum-style, not Substrate's ecdsa), or a
     * Substrate derivation path checked as {@link #parsePath} checks it. Written back canonically.
     */
    static String devicePath(Params params, String field, KeyScheme scheme) throws RpcException {
        JsonNode value = params.node(field).isTextual() ? params.node(field) : null;
        if (value == null) {
            throw Params.invalid(field, "must be a string");
        }
        return parseDevicePath(value.textValue(), field, scheme);
    }

    static String parseDevicePath(String text, String field, KeyScheme scheme) throws RpcException {
        if (!text.startsWith(LEDGER_PATH_START)) {
            return parsePath(text, field, scheme).toString();
        }
        LedgerPath path;
        try {
            path = LedgerPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalidPath(field, e.getMessage());
        }
        if (scheme != KeyScheme.ED25519) {
            throw invalidPath(field, "a Ledger path takes scheme ed25519 (the app's secp256k1 keys are Ethereum-style,"
                    + " not " + scheme.id() + ")");
        }
        if (path.toString().equals(LEDGER_RESERVED_PATH)) {
            throw invalidPath(field, "this path is reserved for the seed fingerprint");
        }
        return path.toString();
    }

    /** Where Ledger paths begin; a Substrate path begins with "/" or is empty. */
    static final String LEDGER_PATH_START = "m/";
    /** The Ledger's fingerprint key: ed25519 at the last hardened account (API.md, "Seed fingerprints"). */
    static final String LEDGER_RESERVED_PATH = Fingerprint.LEDGER_RESERVED_PATH;

    static DerivationPath parsePath(String text, String field, KeyScheme scheme) throws RpcException {
        if (text.contains("///")) {
            throw invalidPath(field, "a path never carries a ///password: pass passphrase: true and type the"
                    + " password on the device");
        }
        if (text.equals(Fingerprint.RESERVED_PATH)) {
            throw invalidPath(field, "this path is reserved for the seed fingerprint");
        }
        DerivationPath path;
        try {
            path = DerivationPath.parse(text);
        } catch (FormatException e) {
            throw invalidPath(field, e.getMessage());
        }
        if (path.hasSoftJunction() && !scheme.supportsSoftDerivation()) {
            throw invalidPath(field, "soft junctions (/name) need sr25519; " + scheme.id() + " derives hard junctions only");
        }
        return path;
    }

    /** Required 0x-hex bytes, at most {@link #MAX_PAYLOAD_BYTES}. */
    static byte[] payload(Params params, String field) throws RpcException {
        // Already in memory (a frame is at most 1 MiB); bounded here before it is decoded.
        String text = params.text(field, Integer.MAX_VALUE);
        if (text.length() > 2 + 2 * MAX_PAYLOAD_BYTES) {
            throw new RpcException(RpcError.INVALID_PAYLOAD, field + " has more than " + MAX_PAYLOAD_BYTES + " bytes",
                    fieldData(field));
        }
        if (!Hex.isHex(text) || text.length() == 2) {
            throw new RpcException(RpcError.INVALID_PAYLOAD, field + " must be non-empty 0x-prefixed hex", fieldData(field));
        }
        return Hex.fromHex(text);
    }

    /** An optional 0x-hex 32-byte genesis hash, lower-cased; null when absent. */
    static String genesisHash(Params params) throws RpcException {
        String text = params.optionalText("genesisHash", 66).orElse(null);
        if (text != null && !(Hex.isHex(text) && text.length() == 66)) {
            throw Params.invalid("genesisHash", "must be 32 bytes of 0x-hex");
        }
        return text == null ? null : Hex.toHex(Hex.fromHex(text));
    }

    static ObjectNode fieldData(String field) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("field", field);
        return data;
    }

    private static Ss58Prefix prefix(int value) throws RpcException {
        try {
            return Ss58Prefix.of(value);
        } catch (FormatException e) {
            throw Params.invalid("ss58Format", "must be 0..16383 and not the reserved 46 or 47");
        }
    }

    private static RpcException invalidPath(String field, String message) {
        return new RpcException(RpcError.INVALID_PATH, field + ": " + message, fieldData(field));
    }
}
