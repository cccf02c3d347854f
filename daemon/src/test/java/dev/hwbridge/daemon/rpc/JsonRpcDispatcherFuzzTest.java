package dev.hwbridge.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends arbitrary text frames to the dispatcher, as any web page may. Every frame gets JSON-RPC
 * response text (or nothing, for notifications only): never an exception, never INTERNAL_ERROR
 * (the dispatcher's name for an unexpected exception). {@code test.echo} answers its params, which
 * must come back unchanged.
 */
class JsonRpcDispatcherFuzzTest {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fuzz-timer");
        thread.setDaemon(true);
        return thread;
    });
    /** Reads replies: as deep as a request plus the response envelope, numbers as the codec keeps them. */
    private static final ObjectMapper REPLIES = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(JsonRpcCodec.MAX_NESTING_DEPTH + 8)
                    .build())
            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** JSON equality with numbers compared by value: 0e3 may come back as 0, 2.50 as 2.5. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) ->
            a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : (a.equals(b) ? 0 : 1);

    private final JsonRpcDispatcher dispatcher;

    JsonRpcDispatcherFuzzTest() {
        MethodRegistry registry = new MethodRegistry();
        registry.register("test.echo", (client, params) -> params);
        registry.register("test.fail", (client, params) -> {
            throw new RpcException(RpcError.INVALID_PARAMS, "refused", params);
        });
        dispatcher = new JsonRpcDispatcher(registry, Runnable::run);
    }

    @FuzzTest
    void anyFrameGetsWellFormedResponsesOrNothing(byte[] input) throws Exception {
        String frame = new String(input, StandardCharsets.UTF_8);
        String reply = dispatcher.dispatch(frame, new TestClient(), new CallScope(CallAdmission.UNLIMITED, TIMER, 8))
                .get(5, TimeUnit.SECONDS);
        Optional<JsonNode> request = RpcFrames.parse(frame);
        if (reply == null) {
            // Only a valid notification, or a batch of nothing else, goes unanswered.
            assertThat(request).isPresent();
            return;
        }
        JsonNode tree = REPLIES.readTree(reply);
        for (JsonNode response : tree.isArray() ? tree : List.of(tree)) {
            assertThat(response.path("jsonrpc").asText()).isEqualTo("2.0");
            assertThat(response.has("error") ^ response.has("result")).as(reply).isTrue();
            JsonNode id = response.get("id");
            assertThat(id.isNull() || id.isTextual() || id.isNumber()).as(reply).isTrue();
            if (response.has("error")) {
                assertThat(response.path("error").path("code").asInt()).as(reply).isNotEqualTo(RpcError.INTERNAL_ERROR.code());
            }
        }
        if (request.isPresent() && request.get().isObject() && isEcho(request.get()) && tree.has("result")) {
            JsonNode params = request.get().get("params");
            JsonNode sent = params == null ? NullNode.getInstance() : params;
            assertThat(tree.get("result").equals(SAME_VALUE, sent)).as("%s echoed as %s", sent, tree.get("result")).isTrue();
            assertThat(tree.get("id").equals(SAME_VALUE, request.get().get("id"))).as(reply).isTrue();
        }
    }

    private static boolean isEcho(JsonNode request) {
        return "test.echo".equals(request.path("method").asText(null));
    }
}
