package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hwbridge.daemon.rpc.MethodRegistry;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcError;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonRpcFrameHandlerTest {

    private final MethodRegistry methods = new MethodRegistry();
    private final AtomicReference<RpcClient> lastClient = new AtomicReference<>();
    private EmbeddedConnection connection;

    JsonRpcFrameHandlerTest() {
        methods.register("test.echo", (client, params) -> {
            lastClient.set(client);
            return params;
        });
    }

    @AfterEach
    void release() {
        if (connection != null) {
            connection.close();
        }
    }

    private static String call(int id, String method) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\"}";
    }

    @Test
    void handshakeLeavesOnlyTheWebSocketHandlers() {
        connection = new EmbeddedConnection(methods).upgrade();

        var pipeline = connection.channel.pipeline();
        assertThat(pipeline.get(HandshakeDeadlineHandler.class)).isNull();
        assertThat(pipeline.get(LoopbackGuardHandler.class)).isNull();
        assertThat(pipeline.get(HealthHandler.class)).isNull();
        assertThat(pipeline.get(StaticResourceHandler.class)).isNull();
        assertThat(pipeline.get(JsonRpcFrameHandler.class)).isNotNull();
    }

    @Test
    void textFrameGetsItsReplyAsATextFrame() {
        connection = new EmbeddedConnection(methods).upgrade();

        connection.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\",\"params\":{\"k\":\"v\"}}");

        List<JsonNode> replies = connection.receiveJson();
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).get("result").get("k").asText()).isEqualTo("v");
        assertThat(connection.channel.isActive()).isTrue();
    }

    @Test
    void fragmentedMessageIsAggregatedBeforeDispatch() {
        connection = new EmbeddedConnection(methods).upgrade();
        String call = call(5, "test.echo");

        connection.send(new TextWebSocketFrame(false, 0, call.substring(0, 10)));
        connection.send(new ContinuationWebSocketFrame(true, 0, call.substring(10)));

        assertThat(connection.receiveJson()).singleElement().satisfies(r -> assertThat(r.get("id").asInt()).isEqualTo(5));
    }

    @Test
    void binaryFrameClosesWith1003() {
        connection = new EmbeddedConnection(methods).upgrade();

        connection.send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2, 3})));

        assertThat(connection.receiveCloseStatus()).isEqualTo(1003);
    }

    @Test
    void frameOverTheLimitClosesWith1009() {
        connection = new EmbeddedConnection(methods).upgrade();

        connection.sendText("x".repeat(ServerCaps.DEFAULT.largeMessageBytes() + 1));

        assertThat(connection.receiveCloseStatus()).isEqualTo(1009);
        connection.channel.advanceTimeBy(JsonRpcFrameHandler.CLOSE_GRACE.toMillis() + 1, TimeUnit.MILLISECONDS);
        connection.channel.runScheduledPendingTasks();
        assertThat(connection.channel.isActive()).isFalse();
    }

    @Test
    void frameOfExactlyTheLimitIsAccepted() {
        connection = new EmbeddedConnection(methods).upgrade();
        String params = "{\"p\":\"";
        String prefix = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\",\"params\":" + params;
        String suffix = "\"}}";
        int fill = ServerCaps.DEFAULT.largeMessageBytes() - prefix.length() - suffix.length();

        connection.sendText(prefix + "a".repeat(fill) + suffix);

        assertThat(connection.receiveJson()).singleElement()
                .satisfies(r -> assertThat(r.get("result").get("p").asText()).hasSize(fill));
    }

    @Test
    void fragmentsAddingUpToMoreThanTheLimitCloseWith1009() {
        connection = new EmbeddedConnection(methods).upgrade();
        String half = "y".repeat(ServerCaps.DEFAULT.largeMessageBytes() / 2 + 1);

        connection.send(new TextWebSocketFrame(false, 0, half));
        connection.send(new ContinuationWebSocketFrame(true, 0, half));

        assertThat(connection.receiveCloseStatus()).isEqualTo(1009);
        connection.channel.advanceTimeBy(JsonRpcFrameHandler.CLOSE_GRACE.toMillis() + 1, TimeUnit.MILLISECONDS);
        connection.channel.runScheduledPendingTasks();
        assertThat(connection.channel.isActive()).isFalse();
    }

    @Test
    void callsBeyondTheBurstAreDelayedThenRefusedThenTheConnectionIsClosedWith1008() {
        // 10 calls/s, burst 3, 0.5 s of delay (5 calls), 2 refusals, none refilled.
        ConnectionLimits limits = new ConnectionLimits(10, 3, Duration.ofMillis(500), 2, 0, 32);
        connection = new EmbeddedConnection(methods, limits, List.of()).upgrade();

        for (int i = 1; i <= 8; i++) {
            connection.sendText(call(i, "test.echo"));
        }
        assertThat(connection.receiveJson()).extracting(r -> r.get("id").asInt()).containsExactly(1, 2, 3);

        connection.channel.advanceTimeBy(250, TimeUnit.MILLISECONDS);
        connection.channel.runScheduledPendingTasks();
        assertThat(connection.receiveJson()).extracting(r -> r.get("id").asInt()).containsExactly(4, 5);
        connection.channel.advanceTimeBy(250, TimeUnit.MILLISECONDS);
        connection.channel.runScheduledPendingTasks();
        assertThat(connection.receiveJson()).extracting(r -> r.get("id").asInt()).containsExactly(6, 7, 8);

        connection.sendText(call(9, "test.echo"));
        connection.sendText(call(10, "test.echo"));
        List<JsonNode> refused = connection.receiveJson();
        assertThat(refused).hasSize(2).allSatisfy(r ->
                assertThat(r.get("error").get("code").asInt()).isEqualTo(RpcError.RATE_LIMITED.code()));
        assertThat(connection.channel.isActive()).isTrue();

        connection.sendText(call(11, "test.echo"));
        List<?> last = connection.receive();
        assertThat(last).hasSize(2);
        assertThat(last.get(1)).isInstanceOf(CloseWebSocketFrame.class);
        assertThat(((CloseWebSocketFrame) last.get(1)).statusCode())
                .isEqualTo(1008);
        last.forEach(ReferenceCountUtil::release);
    }

    @Test
    void tokensComeBackWithTime() {
        ConnectionLimits limits = new ConnectionLimits(10, 1, Duration.ZERO, 0, 0, 32);
        connection = new EmbeddedConnection(methods, limits, List.of()).upgrade();

        connection.sendText(call(1, "test.echo"));
        connection.nanoClock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        connection.sendText(call(2, "test.echo"));

        assertThat(connection.receiveJson()).extracting(r -> r.has("result")).containsExactly(true, true);
    }

    @Test
    void methodsSeeTheConnectionAsAnOpenClientThatCanNotify() {
        connection = new EmbeddedConnection(methods).upgrade();
        connection.sendText(call(1, "test.echo"));
        connection.receiveJson();
        RpcClient client = lastClient.get();

        client.notify("device.attached", TextNode.valueOf("d1"));

        assertThat(client.isOpen()).isTrue();
        assertThat(client.id()).matches("c\\d+");
        assertThat(connection.receiveJson()).singleElement().satisfies(n -> {
            assertThat(n.get("method").asText()).isEqualTo("device.attached");
            assertThat(n.get("params").asText()).isEqualTo("d1");
            assertThat(n.has("id")).isFalse();
        });
    }

    @Test
    void closingRunsCloseActionsOnceAndDropsLaterNotifications() {
        connection = new EmbeddedConnection(methods).upgrade();
        connection.sendText(call(1, "test.echo"));
        connection.receiveJson();
        RpcClient client = lastClient.get();
        AtomicInteger before = new AtomicInteger();
        client.onClose(before::incrementAndGet);
        client.onClose(() -> {
            throw new IllegalStateException("a failing action does not stop the others");
        });
        client.onClose(before::incrementAndGet);

        connection.channel.close();
        AtomicInteger after = new AtomicInteger();
        client.onClose(after::incrementAndGet);
        client.notify("device.detached", NullNode.getInstance());

        assertThat(before).hasValue(2);
        assertThat(after).hasValue(1);
        assertThat(client.isOpen()).isFalse();
        assertThat(connection.channel.outboundMessages()).isEmpty();
    }

    @Test
    void daemonStoppingSaysGoingAway() {
        connection = new EmbeddedConnection(methods).upgrade();

        connection.channel.pipeline().fireUserEventTriggered(JsonRpcFrameHandler.DAEMON_STOPPING);

        assertThat(connection.receiveCloseStatus()).isEqualTo(1001);
    }

    @Test
    void framesAfterOurCloseFrameAreIgnored() {
        connection = new EmbeddedConnection(methods).upgrade();
        connection.channel.pipeline().fireUserEventTriggered(JsonRpcFrameHandler.DAEMON_STOPPING);
        connection.receive().forEach(ReferenceCountUtil::release);

        connection.sendText(call(1, "test.echo"));

        assertThat(connection.receive()).isEmpty();
        assertThat(lastClient.get()).isNull();
    }

    @Test
    void peerCloseFrameIsAnsweredAndClosesTheSocket() {
        connection = new EmbeddedConnection(methods).upgrade();

        connection.send(new CloseWebSocketFrame(1000, "bye"));

        assertThat(connection.receiveCloseStatus()).isEqualTo(1000);
        assertThat(connection.channel.isActive()).isFalse();
    }
}
