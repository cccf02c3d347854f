package dev.hwbridge.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

class JsonRpcDispatcherProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();

    private final JsonRpcDispatcher dispatcher;

    JsonRpcDispatcherProperties() {
        MethodRegistry registry = new MethodRegistry();
        registry.register("test.echo", (client, params) -> params);
        registry.register("bridge.info", (client, params) -> NullNode.getInstance());
        dispatcher = new JsonRpcDispatcher(registry, Runnable::run);
    }

    @AfterContainer
    static void stopTimer() {
        TIMER.shutdownNow();
    }

    @Property
    void randomTextGetsOnlyErrorResponses(@ForAll String junk) throws Exception {
        String reply = dispatch(junk);

        assertThat(reply).as("a reply to %s", junk).isNotNull();
        JsonNode tree = JSON.readTree(reply);
        for (JsonNode response : tree.isArray() ? tree : List.of(tree)) {
            assertThat(response.get("jsonrpc").asText()).isEqualTo("2.0");
            assertThat(response.has("error")).as(reply).isTrue();
            assertThat(response.has("id")).isTrue();
        }
    }

    @Property(tries = 2000)
    void jsonShapedJunkGetsWellFormedResponsesOrNothing(@ForAll("jsonish") String frame) throws Exception {
        String reply = dispatch(frame);

        if (reply == null) {
            return; // a valid notification or batch of them
        }
        JsonNode tree = JSON.readTree(reply);
        for (JsonNode response : tree.isArray() ? tree : List.of(tree)) {
            assertThat(response.get("jsonrpc").asText()).isEqualTo("2.0");
            assertThat(response.has("error") ^ response.has("result")).as(reply).isTrue();
            JsonNode id = response.get("id");
            assertThat(id.isNull() || id.isTextual() || id.isNumber()).as(reply).isTrue();
        }
    }

    private String dispatch(String frame) throws Exception {
        return dispatcher.dispatch(frame, new TestClient(), new CallScope(CallAdmission.UNLIMITED, TIMER, 8))
                .get(5, TimeUnit.SECONDS);
    }

    /** Fragments of JSON-RPC glued at random: mostly junk, sometimes almost a request. */
    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> token = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"jsonrpc\"", "\"2.0\"", "\"id\"",
                "\"method\"", "\"params\"", "\"test.echo\"", "\"bridge.info\"", "1", "-0.5e3", "null", "true",
                "\"x\"", "{}", "[]", " ", "\"\\u0000\"", "\"\\ud800\"", "1e999");
        return token.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }
}
