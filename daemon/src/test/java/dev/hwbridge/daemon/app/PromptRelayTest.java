package dev.hwbridge.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.daemon.device.Replies;
import dev.hwbridge.daemon.rpc.RecordingClient;
import dev.hwbridge.protocol.message.InputRequest;
import org.junit.jupiter.api.Test;

class PromptRelayTest {

    private final RecordingClient client = new RecordingClient("c1");
    private final PromptRelay relay = new PromptRelay(client, "2", "abc");

    @Test
    void confirmCarriesTitleAndLines() throws Exception {
        relay.accept(Replies.confirm("Sign transaction", "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5", "blake2b-256 0x12"));

        assertThat(client.assertNext("device.prompt").toString()).isEqualTo("{\"device\":\"2\",\"session\":\"abc\","
                + "\"kind\":\"confirm\",\"title\":\"Sign transaction\","
                + "\"lines\":[\"15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5\",\"blake2b-256 0x12\"]}");
    }

    @Test
    void progressIsSentWithTheNextPromptOnly() throws Exception {
        relay.accept(Replies.progress(3, 24, "word 3 of 24"));
        client.assertExhausted();
        relay.accept(Replies.input(InputRequest.Kind.WORD, "Word 3 of 24"));
        relay.accept(Replies.input(InputRequest.Kind.NEW_PIN, "Choose a PIN"));

        assertThat(client.assertNext("device.prompt").get("progress").get("current").asInt()).isEqualTo(3);
        assertThat(client.assertNext("device.prompt").has("progress")).isFalse();
    }

    @Test
    void inputKindsUseTheScreenVocabulary() {
        assertThat(PromptRelay.kind(InputRequest.Kind.PIN)).isEqualTo("pin");
        assertThat(PromptRelay.kind(InputRequest.Kind.NEW_PIN)).isEqualTo("pin");
        assertThat(PromptRelay.kind(InputRequest.Kind.WORD)).isEqualTo("word");
        assertThat(PromptRelay.kind(InputRequest.Kind.PASSWORD)).isEqualTo("password");
        assertThat(PromptRelay.kind(InputRequest.Kind.TEXT)).isEqualTo("text");
    }

    @Test
    void finalRepliesAreNotPrompts() {
        relay.accept(Replies.success());

        client.assertExhausted();
    }
}
