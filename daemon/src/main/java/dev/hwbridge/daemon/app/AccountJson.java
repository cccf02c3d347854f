package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.registry.AccountRecord;

/** The JSON shape of a registry record in {@code account.list} and {@code backup.restore}. */
final class AccountJson {

    private AccountJson() {
    }

    /**
     * {@code {name, address, publicKey, scheme, type, path, passwordProtected, ss58Format, genesisHash,
     * identity, deviceFingerprint, createdAt}}; {@code type} is the polkadot-js keyring's pair type
     * (the scheme: {@code "ethereum"} for a Ledger's Ethereum-style key, as the keyring names it).
     */
    static ObjectNode of(AccountRecord record) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", record.name());
        json.put("address", record.address());
        json.put("publicKey", record.publicKey());
        json.put("scheme", record.scheme());
        json.put("type", record.scheme());
        json.put("path", record.path());
        json.put("passwordProtected", record.passwordProtected());
        json.put("ss58Format", record.ss58Format());
        json.put("genesisHash", record.genesisHash());
        json.put("identity", record.identity());
        json.put("deviceFingerprint", record.deviceFingerprint());
        json.put("createdAt", record.createdAt().toString());
        return json;
    }
}
