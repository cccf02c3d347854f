package dev.hwbridge.protocol.account;

import java.util.Arrays;
import java.util.Objects;

/**
 * A decoded SS58 address: its network prefix and payload (normally a 32-byte account id).
 * Immutable: the array is copied in and out.
 *
 * @param prefix    the network prefix
 * @param accountId the payload, 1, 2, 4, 8, 32 or 33 bytes
 */
public record Ss58Address(Ss58Prefix prefix, byte[] accountId) {

    public Ss58Address {
        Objects.requireNonNull(prefix, "prefix");
        accountId = Objects.requireNonNull(accountId, "accountId").clone();
    }

    @Override
    public byte[] accountId() {
        return accountId.clone();
    }

    /** The canonical address text for this prefix and payload. */
    public String encode() {
        return Ss58.encode(accountId, prefix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ss58Address other && prefix.equals(other.prefix)
                && Arrays.equals(accountId, other.accountId);
    }

    @Override
    public int hashCode() {
        return 31 * prefix.hashCode() + Arrays.hashCode(accountId);
    }

    @Override
    public String toString() {
        return "Ss58Address[prefix=" + prefix.value() + ", accountId=" + Hex.toHex(accountId) + "]";
    }
}
