package dev.hwbridge.daemon.registry;

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
import java.util.Arrays;

/**
 * The public metadata of one known account, as the registry stores it. Holds nothing secret: the
 * path is its public part, a {@code ///password} only shows as {@link #passwordProtected}.
 *
 * <p>The constructor checks every field and canonicalises hex to lower case and the scheme to its
 * polkadot-js name, so two records for the same account compare equal.
 *
 * <p>Scheme {@code "ethereum"} is a Ledger Polkadot app's secp256k1 key (API.md, "Scheme
 * {@code ethereum}"): its address is the 20-byte Ethereum address, kept in EIP-55 checksum case
 * as polkadot-js writes it, its path a Ledger path; it has no {@code ///password}, and
 * {@code ss58Format} (a valid prefix, kept as given) does not apply to its address.
 *
 * @param name              the user's label for the account (at most {@link #MAX_NAME_LENGTH} chars)
 * @param address           SS58 address in {@code ss58Format} whose account id is the one
 *                          {@code publicKey} stands for; for ethereum the key's {@code 0x} address
 * @param publicKey         {@code 0x}-hex public key (33 bytes for ecdsa and ethereum, else 32)
 * @param scheme            {@code "sr25519"}, {@code "ed25519"}, {@code "ecdsa"} or {@code "ethereum"}
 * @param path              derivation path such as {@code "//polkadot//0"}, never a {@code ///password}
 * @param passwordProtected whether the account was derived with a {@code ///password}
 * @param ss58Format        the SS58 prefix of {@code address} (ethereum: not used)
 * @param genesisHash       {@code 0x}-hex 32-byte genesis hash of the account's chain, or null for any
 * @param identity          the device identity (seed) name the account was derived from, or null
 * @param deviceFingerprint the seed's {@code Fingerprint}, or null when not known
 * @param createdAt         when the account was registered
 * @throws InvalidRecordException naming the first field that breaks a rule
 */
public record AccountRecord(String name, String address, String publicKey, String scheme, String path,
                            boolean passwordProtected, int ss58Format, String genesisHash,
                            String identity, String deviceFingerprint, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_IDENTITY_LENGTH = 64;
    public static final int HASH_LENGTH = 32;
    /** The scheme of a Ledger's Ethereum-style secp256k1 keys. */
    public static final String ETHEREUM = "ethereum";

    public AccountRecord {
        require(name != null, "name", "is required");
        require(name.length() <= MAX_NAME_LENGTH, "name", "has at most " + MAX_NAME_LENGTH + " characters");
        if (ETHEREUM.equals(scheme)) {
            byte[] key = parseHex(publicKey, "publicKey");
            publicKey = Hex.toHex(key);
            address = ethereumAddress(address, key);
            require(path != null, "path", "is required");
            path = ledgerPath(path);
            require(!passwordProtected, "passwordProtected", "is false: a Ledger key has no ///password");
            try {
                Ss58Prefix.of(ss58Format);
            } catch (FormatException e) {
                throw new InvalidRecordException("ss58Format", e.getMessage());
            }
        } else {
            KeyScheme keyScheme = parseScheme(scheme);
            scheme = keyScheme.id();
            byte[] key = parseHex(publicKey, "publicKey");
            byte[] accountId;
            try {
                accountId = AccountId.of(keyScheme, key);
            } catch (FormatException e) {
                throw new InvalidRecordException("publicKey", e.getMessage());
            }
            publicKey = Hex.toHex(key);
            Ss58Prefix prefix;
            try {
                prefix = Ss58Prefix.of(ss58Format);
            } catch (FormatException e) {
                throw new InvalidRecordException("ss58Format", e.getMessage());
            }
            Ss58Address decoded;
            try {
                decoded = Ss58.decode(address);
            } catch (FormatException e) {
                throw new InvalidRecordException("address", e.getMessage());
            }
            require(decoded.prefix().equals(prefix), "address", "is not in the record's ss58Format");
            require(Arrays.equals(decoded.accountId(), accountId), "address",
                    "does not belong to the public key");
            address = decoded.encode();
            require(path != null, "path", "is required (\"\" for the root key)");
            if (path.startsWith("m/")) {
                // A Ledger account: the Polkadot app's BIP32 path, ed25519 keys (API.md, account.derive).
                path = ledgerPath(path);
                require(keyScheme == KeyScheme.ED25519, "path", "a Ledger path takes scheme ed25519");
            } else {
                DerivationPath parsed;
                try {
                    parsed = DerivationPath.parse(path);
                } catch (FormatException e) {
                    throw new InvalidRecordException("path", e.getMessage());
                }
                require(keyScheme.supportsSoftDerivation() || !parsed.hasSoftJunction(), "path",
                        "only sr25519 has soft junctions");
            }
        }
        genesisHash = optionalHash(genesisHash, "genesisHash");
        require(identity == null || (!identity.isEmpty() && identity.length() <= MAX_IDENTITY_LENGTH),
                "identity", "is null or 1.." + MAX_IDENTITY_LENGTH + " characters");
        deviceFingerprint = optionalHash(deviceFingerprint, "deviceFingerprint");
        require(createdAt != null, "createdAt", "is required");
    }

    /** Whether this is a Ledger's Ethereum-style key (scheme {@code ethereum}). */
    public boolean isEthereum() {
        return ETHEREUM.equals(scheme);
    }

    /**
     * The scheme as an enum.
     *
     * @throws IllegalStateException for scheme ethereum, which is no Substrate scheme (see {@link #isEthereum})
     */
    public KeyScheme keyScheme() {
        if (isEthereum()) {
            throw new IllegalStateException("scheme ethereum is no Substrate key scheme");
        }
        return KeyScheme.fromId(scheme);
    }

    /**
     * What the address encodes, a fresh array: the 32-byte account id, or for ethereum the
     * 20-byte Ethereum address (the account id of an Ethereum-style chain).
     */
    public byte[] accountId() {
        if (isEthereum()) {
            try {
                return EthereumAddress.parse(address);
            } catch (FormatException e) {
                throw new IllegalStateException("a checked record holds a valid address", e);
            }
        }
        return AccountId.of(keyScheme(), Hex.fromHex(publicKey));
    }

    /** Whether {@code other} is the same key: same account id and same scheme. */
    public boolean sameAccount(AccountRecord other) {
        return scheme.equals(other.scheme) && publicKey.equals(other.publicKey);
    }

    /** The EIP-55 form of {@code address}, once it is found to be the key's. */
    private static String ethereumAddress(String address, byte[] key) {
        byte[] ofKey;
        try {
            ofKey = EthereumAddress.ofPublicKey(key);
        } catch (FormatException e) {
            throw new InvalidRecordException("publicKey", e.getMessage());
        }
        require(key.length == AccountId.ECDSA_PUBLIC_KEY_LENGTH, "publicKey", "is the 33-byte compressed key");
        byte[] parsed;
        try {
            parsed = EthereumAddress.parse(address);
        } catch (FormatException e) {
            throw new InvalidRecordException("address", e.getMessage());
        }
        require(Arrays.equals(parsed, ofKey), "address", "does not belong to the public key");
        return EthereumAddress.encode(parsed);
    }

    private static String ledgerPath(String path) {
        try {
            return LedgerPath.parse(path).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("path", e.getMessage());
        }
    }

    private static KeyScheme parseScheme(String scheme) {
        try {
            return KeyScheme.fromId(scheme);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("scheme", e.getMessage());
        }
    }

    private static byte[] parseHex(String text, String field) {
        try {
            return Hex.fromHex(text);
        } catch (FormatException e) {
            throw new InvalidRecordException(field, e.getMessage());
        }
    }

    private static String optionalHash(String text, String field) {
        if (text == null) {
            return null;
        }
        byte[] bytes = parseHex(text, field);
        require(bytes.length == HASH_LENGTH, field, "is 32 bytes of 0x-hex or null");
        return Hex.toHex(bytes);
    }

    private static void require(boolean condition, String field, String rule) {
        if (!condition) {
            throw new InvalidRecordException(field, rule);
        }
    }
}
