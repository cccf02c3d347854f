package dev.hwbridge.e2e;

import dev.hwbridge.protocol.account.AccountId;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keys.Keys;
import dev.hwbridge.simulator.keys.SecretUri;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts of polkadot-js's development phrase, computed here with the signer core (not
 * through the daemon or a device), so a test can tell a right answer from a wrong one.
 */
final class DevAccounts {

    static final String PHRASE = SecretUri.DEV_PHRASE;

    /** One account: {@code publicKey} 0x-hex, {@code address} in SS58 format 0 (Polkadot). */
    record Account(KeyScheme scheme, String path, String publicKey, String address) {
    }

    private static final Map<String, Account> CACHE = new ConcurrentHashMap<>();

    private DevAccounts() {
    }

    static Account of(KeyScheme scheme, String path) {
        return CACHE.computeIfAbsent(scheme.id() + " " + path, key -> compute(scheme, path));
    }

    private static Account compute(KeyScheme scheme, String path) {
        try (SecretUri uri = SecretUri.parse(PHRASE + path); KeyPair pair = Keys.fromUri(scheme, uri)) {
            byte[] publicKey = pair.publicKey();
            String address = Ss58.encode(AccountId.of(scheme, publicKey), Ss58Prefix.POLKADOT);
            return new Account(scheme, path, Hex.toHex(publicKey), address);
        }
    }
}
