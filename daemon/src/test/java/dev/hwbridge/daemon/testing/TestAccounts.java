package dev.hwbridge.daemon.testing;

import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.protocol.account.AccountId;
import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Valid account records for tests: keys are arbitrary bytes (nothing here checks curves). */
public final class TestAccounts {

    public static final String POLKADOT_GENESIS = "0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3";
    public static final Instant CREATED = Instant.parse("2025-01-02T03:04:05.678Z");

    /**
     * A Ledger's ethereum key and its address as polkadot-js's {@code hdEthereum} and
     * {@code ethereumEncode} give them (src/vectors/ledger.json: the "abandon … about" phrase at
     * {@link #ETHEREUM_PATH}); the address in lower case, as the vectors keep it.
     */
    public static final String ETHEREUM_KEY = "0x02d2618a47c2b85a5c662ae9055df09c2a2d54b878743317faa3e5cde9796b5078";
    public static final String ETHEREUM_ADDRESS_LOWER = "0x4815610a8233d7dd0c6d11c99dacdf7f200f3374";
    public static final String ETHEREUM_PATH = "m/44'/354'/0'/0'/0'";

    private TestAccounts() {
    }

    /** A registry record of the ethereum vector key, its address given in lower case. */
    public static AccountRecord ethereumRecord(String name) {
        return new AccountRecord(name, ETHEREUM_ADDRESS_LOWER, ETHEREUM_KEY, AccountRecord.ETHEREUM, ETHEREUM_PATH,
                false, 42, null, null, null, CREATED);
    }

    /** A deterministic public key for {@code scheme}: 32 bytes, or 33 starting 0x02 for ecdsa. */
    public static byte[] publicKey(KeyScheme scheme, int seed) {
        byte[] hash = Blake2b.hash256(("key " + seed).getBytes(StandardCharsets.UTF_8));
        if (scheme != KeyScheme.ECDSA) {
            return hash;
        }
        byte[] compressed = new byte[33];
        compressed[0] = 0x02;
        System.arraycopy(hash, 0, compressed, 1, 32);
        return compressed;
    }

    public static String address(KeyScheme scheme, byte[] publicKey, int ss58Format) {
        return Ss58.encode(AccountId.of(scheme, publicKey), Ss58Prefix.of(ss58Format));
    }

    public static AccountRecord record(KeyScheme scheme, int seed, int ss58Format, String path) {
        byte[] key = publicKey(scheme, seed);
        return new AccountRecord("account " + seed, address(scheme, key, ss58Format), Hex.toHex(key), scheme.id(),
                path, false, ss58Format, POLKADOT_GENESIS, "main", null, CREATED);
    }

    public static AccountRecord record(KeyScheme scheme, int seed) {
        return record(scheme, seed, 0, "//polkadot//" + seed);
    }
}
