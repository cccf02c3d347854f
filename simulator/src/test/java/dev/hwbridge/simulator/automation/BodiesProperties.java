package dev.hwbridge.simulator.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.simulator.screen.Button;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.screen.Screen;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BodiesProperties {

    /** Tokens that make junk look like the bodies the parser expects. */
    static Arbitrary<String> jsonishJunk() {
        Arbitrary<String> token = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"action\"", "\"text\"",
                "\"confirm\"", "\"reject\"", "\"\"", "null", "true", "1", "-0.5e3", "\"\\u0000\"", "\"\\ud800\"",
                " ", "\"x\"", "//", "\u00e9", "\"", "\\");
        return token.list().ofMaxSize(12).map(tokens -> String.join("", tokens));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(jsonishJunk(), Arbitraries.strings().ofMaxLength(200));
    }

    @Property
    void junkBytesGiveAButtonOrBadRequest(@ForAll byte[] body) {
        assertButtonOrBadRequest(body);
    }

    @Property
    void junkTextGivesAButtonOrBadRequest(@ForAll("junk") String body) {
        assertButtonOrBadRequest(body.getBytes(StandardCharsets.UTF_8));
    }

    @Property
    void junkTextGivesTextOrBadRequest(@ForAll("junk") String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            String text = Bodies.input(bytes);
            assertThat(body).contains("\"text\"");
            assertThat(text).isNotNull();
        } catch (ApiException e) {
            assertThat(e.error()).isEqualTo(ApiError.BAD_REQUEST);
        }
    }

    @Property
    void anyTextRoundTripsThroughAnInputBody(@ForAll String text) throws Exception {
        byte[] body = new ObjectMapper().writeValueAsBytes(Map.of("text", text));
        assertThat(Bodies.input(body)).isEqualTo(text);
    }

    @Example
    void theTwoButtonBodiesParse() {
        assertThat(Bodies.button("{\"action\":\"confirm\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Button.CONFIRM);
        assertThat(Bodies.button(" { \"action\" : \"reject\" } ".getBytes(StandardCharsets.UTF_8))).isEqualTo(Button.REJECT);
    }

    @Example
    void aBadRequestMessageNeverQuotesTheBody() {
        assertThatThrownBy(() -> Bodies.input("{\"text\":\"secret-pin-1234\",".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ApiException.class)
                .hasMessageNotContaining("secret-pin-1234");
        assertThatThrownBy(() -> Bodies.input("{\"text\":\"secret-pin-1234\",\"x\":1}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageNotContaining("secret-pin-1234");
    }

    @Example
    void aScreenIsOneLineOfJson() {
        byte[] json = Bodies.screen(new Screen("a\nb", List.of("line\n2", "\"q\""), InputKind.WORD));
        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo("{\"title\":\"a\\nb\",\"lines\":[\"line\\n2\",\"\\\"q\\\"\"],\"input\":\"word\"}");
    }

    private static void assertButtonOrBadRequest(byte[] body) {
        try {
            Button button = Bodies.button(body);
            assertThat(new String(body, StandardCharsets.UTF_8)).contains(button == Button.CONFIRM ? "confirm" : "reject");
        } catch (ApiException e) {
            assertThat(e.error()).isEqualTo(ApiError.BAD_REQUEST);
        }
    }
}
