package dev.hwbridge.daemon.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.rpc.RpcFrames;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns arbitrary JSON into the bytes to sign, as {@code account.sign} does with the payload a web
 * page hands it (parsed as the daemon parses the frame it arrives in): a bounded signing request
 * or an {@link InvalidPayloadException} naming a member.
 */
class SignerPayloadsFuzzTest {

    /** The call or raw message, plus each extension field at most once (an asset id, the largest, 1025 bytes). */
    private static final int MAX_SIGNED_BYTES = SignerPayloads.MAX_PAYLOAD_BYTES + 2048;

    @FuzzTest
    void anyPayloadGivesBoundedBytesToSignOrNamesTheMemberAtFault(byte[] input) {
        Optional<JsonNode> payload = RpcFrames.parse(new String(input, StandardCharsets.UTF_8));
        if (payload.isEmpty()) {
            return;
        }
        try {
            SigningRequest request = SignerPayloads.fromSignerPayload(payload.get());
            assertThat(request.kind()).isNotNull();
            assertThat(request.address()).isEqualTo(payload.get().get("address").textValue());
            assertThat(request.payload().length).isBetween(request.kind() == SigningRequest.Kind.RAW ? 0 : 1, MAX_SIGNED_BYTES);
            assertThat(SignerPayloads.fromSignerPayload(payload.get())).isEqualTo(request);
        } catch (InvalidPayloadException refused) {
            assertThat(refused.field()).isNotNull();
        }
    }
}
