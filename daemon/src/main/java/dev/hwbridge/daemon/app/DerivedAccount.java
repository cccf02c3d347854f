package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.protocol.account.AccountId;
import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;

/**
 * A public key the device derived, with what it was derived from.
 *
 * @param publicKey 32 bytes, or 33 (compressed) for ecdsa
 */
record DerivedAccount(KeyScheme scheme, String path, Ss58Prefix prefix, byte[] publicKey) {

    DerivedAccount {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The SS58 address of the account id (ecdsa: blake2b-256 of the key). */
    String address() {
        return Ss58.encode(AccountId.of(scheme, publicKey), prefix);
    }

    /** {@code {address, publicKey, scheme, path, ss58Format}}. */
    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("address", address());
        json.put("publicKey", Hex.toHex(publicKey));
        json.put("scheme", scheme.id());
        json.put("path", path);
        json.put("ss58Format", prefix.value());
        return json;
    }
}
