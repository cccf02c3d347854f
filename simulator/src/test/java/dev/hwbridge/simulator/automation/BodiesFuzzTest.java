package dev.hwbridge.simulator.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.simulator.screen.Button;

/**
 * Reads arbitrary bytes as the automation API's request bodies ({@code /button}, {@code /input}),
 * as any local process may send them.
 */
class BodiesFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest
    void anyBodyGivesItsValueOrBadRequest(byte[] body) throws Exception {
        try {
            Button button = Bodies.button(body);
            assertThat(Bodies.button(JSON.writeValueAsBytes(JSON.createObjectNode()
                    .put("action", button == Button.CONFIRM ? "confirm" : "reject")))).isEqualTo(button);
        } catch (ApiException refused) {
            assertThat(refused.error()).isEqualTo(ApiError.BAD_REQUEST);
        }
        try {
            String text = Bodies.input(body);
            assertThat(Bodies.input(JSON.writeValueAsBytes(JSON.createObjectNode().put("text", text)))).isEqualTo(text);
        } catch (ApiException refused) {
            assertThat(refused.error()).isEqualTo(ApiError.BAD_REQUEST);
        }
    }
}
