package dev.hwbridge.simulator.keystore;

import dev.hwbridge.protocol.account.AccountId;
import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.util.Arrays;

/**
 * The {@code address} field of a JSON account file. polkadot-js writes SS58 for sr25519 and
 * ed25519 but the 0x-hex compressed public key for ecdsa (an ecdsa account id is a hash, so the
 * key could not be recovered from it); on import it takes any hex address as the public key and
 * anything else as SS58, and so do we.
 *
 * @param bytes the public key when {@code isPublicKey}, else the SS58 account id
 */
record FileAddress(String text, byte[] bytes, boolean isPublicKey) {

    static final int MAX_LENGTH = 128;
    private static final int ACCOUNT_ID_LENGTH = 32;

    /** The address polkadot-js {@code toJson} writes for a key. */
    static String forExport(KeyScheme scheme, byte[] publicKey, Ss58Prefix prefix) {
        return scheme == KeyScheme.ECDSA ? Hex.toHex(publicKey) : Ss58.encode(publicKey, prefix);
    }

    static FileAddress parse(String text, KeyScheme scheme) {
        if (text.length() > MAX_LENGTH) {
            throw invalid("address is longer than " + MAX_LENGTH + " characters");
        }
        if (Hex.isHex(text)) {
            byte[] key = Hex.fromHex(text);
            if (key.length != Pkcs8Body.publicKeyLength(scheme)) {
                throw invalid("address is hex but not a " + scheme.id() + " public key");
            }
            return new FileAddress(text, key, true);
        }
        byte[] accountId;
        try {
            accountId = Ss58.decode(text).accountId();
        } catch (FormatException e) {
            throw new SignerException(SignerError.INVALID_JSON, "address is not a valid SS58 address", e);
        }
        if (accountId.length != ACCOUNT_ID_LENGTH) {
            throw invalid("address does not hold a 32-byte account id");
        }
        // For sr25519 and ed25519 the account id is the public key itself.
        return new FileAddress(text, accountId, scheme != KeyScheme.ECDSA);
    }

    /** The public key of a file whose {@code encoded} is empty: only the address knows it. */
    byte[] publicKey(KeyScheme scheme) {
        if (!isPublicKey) {
            throw invalid("an " + scheme.id() + " file with an empty encoded needs the hex public key as its address");
        }
        return bytes.clone();
    }

    boolean matches(KeyScheme scheme, byte[] publicKey) {
        byte[] expected = isPublicKey ? publicKey : AccountId.of(scheme, publicKey);
        return Arrays.equals(bytes, expected);
    }

    private static SignerException invalid(String message) {
        return new SignerException(SignerError.INVALID_JSON, message);
    }
}
