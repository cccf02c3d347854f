package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.hwbridge.daemon.rpc.MethodRegistry;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/** Junk text frames on a live connection: an error reply each, the connection stays open. */
class JsonRpcFrameHandlerProperties {

    private static final ConnectionLimits GENEROUS = new ConnectionLimits(1e9, 1_000_000, Duration.ZERO, 0, 0, 8);
    private EmbeddedConnection connection;

    @BeforeTry
    void open() {
        MethodRegistry methods = new MethodRegistry();
        methods.register("bridge.info", (client, params) -> NullNode.getInstance());
        connection = new EmbeddedConnection(methods, GENEROUS, List.of()).upgrade();
    }

    @AfterTry
    void release() {
        connection.close();
    }

    @Property(tries = 300)
    void junkFramesGetErrorRepliesAndTheConnectionStaysUsable(@ForAll List<@StringLength(max = 200) String> frames) {
        for (String frame : frames) {
            connection.sendText(frame);
            List<JsonNode> replies = connection.receiveJson();
            assertThat(replies).as("reply to %s", frame).hasSize(1);
            JsonNode reply = replies.get(0);
            for (JsonNode response : reply.isArray() ? reply : List.of(reply)) {
                assertThat(response.has("error")).as(reply.toString()).isTrue();
            }
            assertThat(connection.channel.isActive()).isTrue();
        }
        connection.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"bridge.info\"}");
        assertThat(connection.receiveJson()).singleElement().satisfies(r -> assertThat(r.has("result")).isTrue());
    }
}
