package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.device.DeviceInfo;
import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.session.Session;
import dev.hwbridge.protocol.account.EthereumAddress;
import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.ledger.LedgerPath;
import dev.hwbridge.protocol.message.DerivePublicKey;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.util.List;

/**
 * Scheme {@code ethereum}: a Ledger Polkadot app's secp256k1 keys (plain BIP32, Ethereum-style:
 * the app signs keccak-256), for Ethereum-style chains. Not Substrate's {@code ecdsa}, whose
 * addresses and signatures differ. The address is the 20-byte Ethereum address, {@code 0x}-hex in
 * EIP-55 checksum case.
 */
final class EthereumAccounts {

    static final String SCHEME = AccountRecord.ETHEREUM;
    private static final int COMPRESSED_KEY_LENGTH = 33;

    private EthereumAccounts() {
    }

    /** Whether the params ask for scheme {@code ethereum}. */
    static boolean asked(JsonNode params) {
        return params != null && SCHEME.equals(params.path("scheme").asText(null));
    }

    /** The key at a Ledger path, shown on the Ledger when asked: {@code {address, publicKey, scheme, path}}. */
    static ObjectNode derive(Session session, RpcClient caller, String pathText, String field, boolean show)
            throws RpcException {
        requireLedger(session);
        LedgerPath path = path(pathText, field);
        DerivePublicKey derive = DerivePublicKey.newBuilder().setScheme(KeyScheme.ECDSA).setPath(path.toString())
                .setShow(show).build();
        Response reply = DeviceCalls.run(session, caller, Request.newBuilder().setDerivePublicKey(derive).build(),
                Response.BodyCase.PUBLIC_KEY);
        byte[] key = reply.getPublicKey().getPublicKey().toByteArray();
        if (key.length != COMPRESSED_KEY_LENGTH) {
            throw new RpcException(RpcError.DEVICE_ERROR, "the Ledger answered a secp256k1 key of " + key.length + " bytes");
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("address", address(key));
        json.put("publicKey", Hex.toHex(key));
        json.put("scheme", SCHEME);
        json.put("path", path.toString());
        return json;
    }

    /** Several keys, one exchange each; nothing shown. */
    static ArrayNode deriveAll(Session session, RpcClient caller, List<String> paths) throws RpcException {
        requireLedger(session);
        for (String text : paths) {
            path(text, "pathTemplate");
        }
        ArrayNode accounts = JsonNodeFactory.instance.arrayNode();
        for (String text : paths) {
            accounts.add(derive(session, caller, text, "pathTemplate", false));
        }
        return accounts;
    }

    /**
     * {@code 0x} ‖ the last 20 bytes of keccak-256 of the uncompressed key without its 0x04 prefix,
     * in EIP-55 checksum case (as polkadot-js's {@code ethereumEncode} writes it).
     */
    static String address(byte[] compressedKey) throws RpcException {
        try {
            return EthereumAddress.encode(EthereumAddress.ofPublicKey(compressedKey));
        } catch (FormatException e) {
            throw new RpcException(RpcError.DEVICE_ERROR, "the Ledger answered a key that is not on secp256k1");
        }
    }

    private static void requireLedger(Session session) throws RpcException {
        if (!session.device().info().kind().equals(DeviceInfo.LEDGER)) {
            throw Params.invalid("scheme", "ethereum keys are a Ledger's (its Polkadot app); this device has sr25519,"
                    + " ed25519 and ecdsa");
        }
    }

    private static LedgerPath path(String text, String field) throws RpcException {
        try {
            return LedgerPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcError.INVALID_PATH, field + ": scheme ethereum takes a Ledger path: " + e.getMessage(),
                    Fields.fieldData(field));
        }
    }
}
