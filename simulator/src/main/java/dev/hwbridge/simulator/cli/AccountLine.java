package dev.hwbridge.simulator.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.protocol.account.AccountId;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;

/**
 * The public facts of one account as {@code inspect} prints them, one JSON object a line:
 * {@code {"scheme":…,"network":…,"publicKey":…,"accountId":…,"ss58Address":…}} in that order.
 *
 * @param scheme      the polkadot-js scheme name
 * @param network     the SS58 prefix number
 * @param publicKey   0x-hex (33 bytes for ecdsa)
 * @param accountId   0x-hex of the 32-byte account id (blake2b-256 of the key for ecdsa)
 * @param ss58Address the account id in SS58 with the network's prefix
 */
@JsonPropertyOrder({"scheme", "network", "publicKey", "accountId", "ss58Address"})
record AccountLine(String scheme, int network, String publicKey, String accountId, String ss58Address) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AccountLine of(KeyScheme scheme, byte[] publicKey, Ss58Prefix network) {
        byte[] accountId = AccountId.of(scheme, publicKey);
        return new AccountLine(scheme.id(), network.value(), Hex.toHex(publicKey), Hex.toHex(accountId),
                Ss58.encode(accountId, network));
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            // Five strings and a number always serialise; failing here is a defect.
            throw new IllegalStateException("cannot write the account line", e);
        }
    }
}
