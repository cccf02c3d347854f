package dev.hwbridge.daemon.registry;

import dev.hwbridge.protocol.account.AccountId;
import dev.hwbridge.protocol.account.DerivationPath;
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
 * @param name              the user's label for the account (at most {@link #MAX_NAME_LENGTH} chars)
 * @param address           SS58 address in {@code ss58Format}; its account id is the one
 *                          {@code publicKey} stands for
 * @param publicKey         {@code 0x}-hex public key (33 bytes for ecdsa, else 32)
 * @param scheme            {@code "sr25519"}, {@code "ed25519"} or {@code "ecdsa"}
 * @param path              derivation path such as {@code "//polkadot//0"}, never a {@code ///password}
 * @param passwordProtected whether the account was derived with a {@code ///password}
 * @param ss58Format        the SS58 prefix of {@code address}
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

    public AccountRecord {
        require(name != null, "name", "is required");
        require(name.length() <= MAX_NAME_LENGTH, "name", "has at most " + MAX_NAME_LENGTH + " characters");
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
            // A Ledger account: the Polkadot app's BIP32 path, ed25519 keys only (API.md, account.derive).
            try {
                path = LedgerPath.parse(path).toString();
            } catch (IllegalArgumentException e) {
                throw new InvalidRecordException("path", e.getMessage());
            }
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
        genesisHash = optionalHash(genesisHash, "genesisHash");
        require(identity == null || (!identity.isEmpty() && identity.length() <= MAX_IDENTITY_LENGTH),
                "identity", "is null or 1.." + MAX_IDENTITY_LENGTH + " characters");
        deviceFingerprint = optionalHash(deviceFingerprint, "deviceFingerprint");
        require(createdAt != null, "createdAt", "is required");
    }

    /** The scheme as an enum. */
    public KeyScheme keyScheme() {
        return KeyScheme.fromId(scheme);
    }

    /** The 32-byte account id (what the address encodes); a fresh array. */
    public byte[] accountId() {
        return AccountId.of(keyScheme(), Hex.fromHex(publicKey));
    }

    /** Whether {@code other} is the same key: same account id and same scheme. */
    public boolean sameAccount(AccountRecord other) {
        return scheme.equals(other.scheme) && publicKey.equals(other.publicKey);
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
