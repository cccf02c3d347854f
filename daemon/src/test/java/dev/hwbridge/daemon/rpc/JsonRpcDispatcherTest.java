package dev.hwbridge.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonRpcDispatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MethodRegistry registry = new MethodRegistry();
    private final List<JsonNode> seenParams = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final TestClient client = new TestClient();

    JsonRpcDispatcherTest() {
        registry.register("test.echo", (c, params) -> {
            seenParams.add(params);
            return params;
        });
        registry.register("test.fail", (c, params) -> {
            throw new RpcException(RpcError.BUSY, "device held by c2",
                    JsonNodeFactory.instance.objectNode().put("session", "s9").put("name", "spoofed"));
        });
        registry.register("test.failWithText", (c, params) -> {
            throw new RpcException(RpcError.INVALID_BACKUP, "bad", TextNode.valueOf("/accounts/0/path"));
        });
        registry.register("test.bug", (c, params) -> {
            throw new IllegalStateException("secret word abandon leaked into a message");
        });
        registry.register("test.error", (c, params) -> {
            throw new AssertionError("an Error, not an Exception");
        });
        registry.register("test.null", (c, params) -> null);
    }

    @AfterEach
    void stopThreads() {
        timer.shutdownNow();
        pool.shutdownNow();
    }

    /** Calls run inline: the reply is ready when dispatch returns. */
    private JsonNode call(String frame) throws Exception {
        return call(frame, new CallScope(CallAdmission.UNLIMITED, timer, 8));
    }

    private JsonNode call(String frame, CallScope scope) throws Exception {
        String reply = new JsonRpcDispatcher(registry, Runnable::run).dispatch(frame, client, scope)
                .get(5, TimeUnit.SECONDS);
        return reply == null ? null : JSON.readTree(reply);
    }

    @Test
    void resultEchoesTheIdAndVersion() throws Exception {
        JsonNode reply = call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"test.echo\",\"params\":{\"a\":1}}");

        assertThat(reply).isEqualTo(JSON.readTree("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"a\":1}}"));
    }

    @Test
    void stringNullAndFractionalIdsComeBackExactly() throws Exception {
        assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"test.echo\"}").get("id").textValue())
                .isEqualTo("abc");
        JsonNode nullId = call("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"test.echo\"}");
        assertThat(nullId.get("id").isNull()).isTrue();
        assertThat(nullId.has("result")).isTrue();
        String raw = new JsonRpcDispatcher(registry, Runnable::run).dispatch(
                "{\"jsonrpc\":\"2.0\",\"id\":12345678901234567890.50,\"method\":\"test.echo\"}", client,
                new CallScope(CallAdmission.UNLIMITED, timer, 8)).get();
        assertThat(raw).contains("\"id\":12345678901234567890.5");
    }

    @Test
    void absentParamsReachTheMethodAsNullNode() throws Exception {
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\"}");
        call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test.echo\",\"params\":null}");

        assertThat(seenParams).containsExactly(NullNode.getInstance(), NullNode.getInstance());
    }

    @Test
    void nullResultIsSentAsJsonNull() throws Exception {
        JsonNode reply = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.null\"}");

        assertThat(reply.has("result")).isTrue();
        assertThat(reply.get("result").isNull()).isTrue();
    }

    @Test
    void notificationRunsButGetsNoReply() throws Exception {
        JsonNode reply = call("{\"jsonrpc\":\"2.0\",\"method\":\"test.echo\",\"params\":{\"n\":1}}");

        assertThat(reply).isNull();
        assertThat(seenParams).hasSize(1);
    }

    @Test
    void failingNotificationGetsNoReplyEither() throws Exception {
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"test.fail\"}")).isNull();
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"no.such\"}")).isNull();
    }

    @Test
    void batchRepliesWithOneArrayInRequestOrderWithoutNotifications() throws Exception {
        JsonNode reply = call("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\",\"params\":{\"x\":1}},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"test.echo\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"no.such\"},"
                + "{\"foo\":\"boo\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"test.fail\"}]");

        assertThat(reply.isArray()).isTrue();
        assertThat(reply).hasSize(4);
        assertThat(reply.get(0).get("result").get("x").asInt()).isEqualTo(1);
        assertThat(reply.get(1).get("error").get("code").asInt()).isEqualTo(RpcError.METHOD_NOT_FOUND.code());
        assertThat(reply.get(2).get("error").get("code").asInt()).isEqualTo(RpcError.INVALID_REQUEST.code());
        assertThat(reply.get(2).get("id").isNull()).isTrue();
        assertThat(reply.get(3).get("error").get("data").get("name").asText()).isEqualTo("BUSY");
    }

    @Test
    void batchOfNotificationsOnlyGetsNoReply() throws Exception {
        assertThat(call("[{\"jsonrpc\":\"2.0\",\"method\":\"test.echo\"},{\"jsonrpc\":\"2.0\",\"method\":\"test.echo\"}]"))
                .isNull();
        assertThat(seenParams).hasSize(2);
    }

    @Test
    void emptyBatchIsOneInvalidRequestNotAnArray() throws Exception {
        JsonNode reply = call("[]");

        assertError(reply, RpcError.INVALID_REQUEST);
        assertThat(reply.get("id").isNull()).isTrue();
    }

    @Test
    void batchOverTheLimitIsRefusedWhole() throws Exception {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i <= JsonRpcDispatcher.MAX_BATCH_SIZE; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
                    .append(",\"method\":\"test.echo\"}");
        }
        JsonNode reply = call(batch.append(']').toString());

        assertError(reply, RpcError.INVALID_REQUEST);
        assertThat(seenParams).isEmpty();
    }

    @Test
    void batchOfScalarsGetsOneErrorPerElement() throws Exception {
        JsonNode reply = call("[1,2,3]");

        assertThat(reply).hasSize(3);
        reply.forEach(r -> assertError(r, RpcError.INVALID_REQUEST));
    }

    @Test
    void malformedJsonIsAParseErrorWithNullId() throws Exception {
        for (String junk : List.of("{\"jsonrpc\":\"2.0\",\"method\"", "", "   ", "nul", "{} {}", "[1,]", "\u0000")) {
            JsonNode reply = call(junk);
            assertError(reply, RpcError.PARSE_ERROR);
            assertThat(reply.get("id").isNull()).as(junk).isTrue();
        }
    }

    @Test
    void duplicateMembersAreAParseError() throws Exception {
        assertError(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\",\"method\":\"test.fail\"}"),
                RpcError.PARSE_ERROR);
    }

    @Test
    void nestingDeeperThanTheLimitIsAParseError() throws Exception {
        String deep = "[".repeat(JsonRpcCodec.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonRpcCodec.MAX_NESTING_DEPTH + 1);
        assertError(call(deep), RpcError.PARSE_ERROR);
        String deepParams = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\",\"params\":{\"a\":"
                + "[".repeat(JsonRpcCodec.MAX_NESTING_DEPTH) + "]".repeat(JsonRpcCodec.MAX_NESTING_DEPTH) + "}}";
        assertError(call(deepParams), RpcError.PARSE_ERROR);
        assertThat(seenParams).isEmpty();
    }

    @Test
    void overlongNumberIsAParseError() throws Exception {
        assertError(call("{\"jsonrpc\":\"2.0\",\"id\":" + "9".repeat(JsonRpcCodec.MAX_NUMBER_LENGTH + 1)
                + ",\"method\":\"test.echo\"}"), RpcError.PARSE_ERROR);
    }

    /** Found by BackupReaderFuzzTest: Jackson's unchecked NumberFormatException escaped dispatch. */
    @Test
    void numberNoBigDecimalHoldsIsAParseError() throws Exception {
        assertError(call("{\"jsonrpc\":\"2.0\",\"id\":1e700000000000,\"method\":\"test.echo\"}"),
                RpcError.PARSE_ERROR);
        assertError(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\",\"params\":{\"a\":-1E-999999999999}}"),
                RpcError.PARSE_ERROR);
    }

    @Test
    void wrongOrMissingVersionIsInvalidRequestKeepingAValidId() throws Exception {
        JsonNode missing = call("{\"id\":4,\"method\":\"test.echo\"}");
        assertError(missing, RpcError.INVALID_REQUEST);
        assertThat(missing.get("id").asInt()).isEqualTo(4);
        assertError(call("{\"jsonrpc\":\"1.0\",\"id\":4,\"method\":\"test.echo\"}"), RpcError.INVALID_REQUEST);
        assertError(call("{\"jsonrpc\":2.0,\"id\":4,\"method\":\"test.echo\"}"), RpcError.INVALID_REQUEST);
        assertThat(seenParams).isEmpty();
    }

    @Test
    void idOfAnotherTypeIsInvalidRequestWithNullId() throws Exception {
        for (String id : List.of("{}", "[1]", "true")) {
            JsonNode reply = call("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"test.echo\"}");
            assertError(reply, RpcError.INVALID_REQUEST);
            assertThat(reply.get("id").isNull()).isTrue();
        }
    }

    @Test
    void methodThatIsNotANonEmptyStringIsInvalidRequest() throws Exception {
        assertError(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}"), RpcError.INVALID_REQUEST);
        assertError(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"}"), RpcError.INVALID_REQUEST);
        assertError(call("{\"jsonrpc\":\"2.0\",\"id\":1}"), RpcError.INVALID_REQUEST);
    }

    @Test
    void unknownMethodIsMethodNotFound() throws Exception {
        JsonNode reply = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"device.nope\"}");

        assertError(reply, RpcError.METHOD_NOT_FOUND);
        assertThat(reply.get("error").get("message").asText()).contains("device.nope");
    }

    @Test
    void paramsByPositionAreInvalidParams() throws Exception {
        assertError(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\",\"params\":[1,2]}"),
                RpcError.INVALID_PARAMS);
        assertThat(seenParams).isEmpty();
    }

    @Test
    void scalarParamsAreInvalidRequest() throws Exception {
        assertError(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\",\"params\":\"x\"}"),
                RpcError.INVALID_REQUEST);
        assertError(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\",\"params\":3}"),
                RpcError.INVALID_REQUEST);
    }

    @Test
    void rpcExceptionBecomesCodeMessageAndNamedData() throws Exception {
        JsonNode error = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.fail\"}").get("error");

        assertThat(error.get("code").asInt()).isEqualTo(1000);
        assertThat(error.get("message").asText()).isEqualTo("device held by c2");
        // The stable name wins over a "name" in the method's data.
        assertThat(error.get("data")).isEqualTo(JSON.readTree("{\"name\":\"BUSY\",\"session\":\"s9\"}"));
    }

    @Test
    void nonObjectErrorDataGoesInDetail() throws Exception {
        JsonNode data = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.failWithText\"}").get("error").get("data");

        assertThat(data).isEqualTo(JSON.readTree("{\"name\":\"INVALID_BACKUP\",\"detail\":\"/accounts/0/path\"}"));
    }

    @Test
    void unexpectedExceptionIsInternalErrorWithoutItsMessage() throws Exception {
        String raw = new JsonRpcDispatcher(registry, Runnable::run).dispatch(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.bug\"}", client,
                new CallScope(CallAdmission.UNLIMITED, timer, 8)).get();

        assertError(JSON.readTree(raw), RpcError.INTERNAL_ERROR);
        assertThat(raw).doesNotContain("abandon").doesNotContain("IllegalState");
    }

    @Test
    void errorThrownByAMethodIsInternalErrorToo() throws Exception {
        assertError(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.error\"}"), RpcError.INTERNAL_ERROR);
    }

    @Test
    void refusedCallsAreRateLimitedAndRefusedNotificationsSilent() throws Exception {
        CallScope refusing = new CallScope(() -> CallAdmission.REFUSE, timer, 8);

        assertError(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\"}", refusing), RpcError.RATE_LIMITED);
        assertError(call("not json", refusing), RpcError.RATE_LIMITED);
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"test.echo\"}", refusing)).isNull();
        assertThat(seenParams).isEmpty();
    }

    @Test
    void everyBatchElementIsAdmittedOnItsOwn() throws Exception {
        AtomicInteger admitted = new AtomicInteger();
        CallScope firstTwo = new CallScope(() -> admitted.incrementAndGet() <= 2 ? 0 : CallAdmission.REFUSE, timer, 8);

        JsonNode reply = call("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test.echo\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"test.echo\"}]", firstTwo);

        assertThat(reply.get(0).has("result")).isTrue();
        assertThat(reply.get(1).has("result")).isTrue();
        assertError(reply.get(2), RpcError.RATE_LIMITED);
    }

    @Test
    void delayedCallStartsOnlyAfterItsDelay() throws Exception {
        long delay = TimeUnit.MILLISECONDS.toNanos(300);
        CallScope slowed = new CallScope(() -> delay, timer, 8);
        long start = System.nanoTime();

        JsonNode reply = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\"}", slowed);

        assertThat(reply.has("result")).isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(delay);
    }

    @Test
    void callsBeyondTheInFlightLimitAreRateLimited() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        registry.register("test.block", (c, p) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return NullNode.getInstance();
        });
        JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(registry, pool);
        CallScope scope = new CallScope(CallAdmission.UNLIMITED, timer, 1);

        var blocked = dispatcher.dispatch("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.block\"}", client, scope);
        String second = dispatcher.dispatch("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test.echo\"}", client, scope)
                .get(5, TimeUnit.SECONDS);
        release.countDown();

        assertError(JSON.readTree(second), RpcError.RATE_LIMITED);
        assertThat(JSON.readTree(blocked.get(5, TimeUnit.SECONDS)).has("result")).isTrue();
        assertThat(scope.inFlight()).isZero();
    }

    @Test
    void slowCallDoesNotHoldUpAFastOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        registry.register("test.slow", (c, p) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TextNode.valueOf("slow");
        });
        JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(registry, pool);
        CallScope scope = new CallScope(CallAdmission.UNLIMITED, timer, 8);

        var slow = dispatcher.dispatch("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.slow\"}", client, scope);
        String fast = dispatcher.dispatch("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test.echo\"}", client, scope)
                .get(5, TimeUnit.SECONDS);

        assertThat(JSON.readTree(fast).get("id").asInt()).isEqualTo(2);
        assertThat(slow).isNotDone();
        release.countDown();
        assertThat(JSON.readTree(slow.get(5, TimeUnit.SECONDS)).get("result").asText()).isEqualTo("slow");
    }

    @Test
    void closingTheScopeInterruptsARunningCallAndAnswersCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        registry.register("test.wait", (c, p) -> {
            started.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw new RpcException(RpcError.CANCELLED, "interrupted");
            }
            return NullNode.getInstance();
        });
        JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(registry, pool);
        CallScope scope = new CallScope(CallAdmission.UNLIMITED, timer, 8);

        var reply = dispatcher.dispatch("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.wait\"}", client, scope);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        scope.close();

        assertError(JSON.readTree(reply.get(5, TimeUnit.SECONDS)), RpcError.CANCELLED);
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
    }

    @Test
    void closingTheScopeDropsADelayedCallBeforeItRuns() throws Exception {
        CallScope scope = new CallScope(() -> TimeUnit.MILLISECONDS.toNanos(200), timer, 8);
        var reply = new JsonRpcDispatcher(registry, pool)
                .dispatch("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\"}", client, scope);

        scope.close();
        Thread.sleep(400);

        assertError(JSON.readTree(reply.get(5, TimeUnit.SECONDS)), RpcError.CANCELLED);
        assertThat(seenParams).isEmpty();
        assertError(call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test.echo\"}", scope), RpcError.RATE_LIMITED);
    }

    @Test
    void methodsReachTheirClient() throws Exception {
        AtomicReference<RpcClient> seen = new AtomicReference<>();
        registry.register("test.who", (c, p) -> {
            seen.set(c);
            c.notify("test.event", TextNode.valueOf("hi"));
            return TextNode.valueOf(c.id());
        });

        assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.who\"}").get("result").asText()).isEqualTo("t1");
        assertThat(seen.get()).isSameAs(client);
        assertThat(client.notifications.poll()).isEqualTo(new TestClient.Notification("test.event", TextNode.valueOf("hi")));
    }

    @Test
    void notificationTextIsJsonRpc() throws Exception {
        String text = new JsonRpcDispatcher(registry, Runnable::run)
                .notification("device.attached", JsonNodeFactory.instance.objectNode().put("id", "d1"));

        assertThat(JSON.readTree(text)).isEqualTo(
                JSON.readTree("{\"jsonrpc\":\"2.0\",\"method\":\"device.attached\",\"params\":{\"id\":\"d1\"}}"));
    }

    @Test
    void loggableNamesAreBoundedAndPrintable() {
        assertThat(JsonRpcDispatcher.loggable("a\nb\u0007c")).isEqualTo("a?b?c");
        assertThat(JsonRpcDispatcher.loggable("x".repeat(500))).hasSize(65);
    }

    static void assertError(JsonNode reply, RpcError expected) {
        assertThat(reply).as("reply").isNotNull();
        assertThat(reply.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(reply.has("result")).isFalse();
        assertThat(reply.get("error").get("code").asInt()).as(reply.toString()).isEqualTo(expected.code());
        assertThat(reply.get("error").get("data").get("name").asText()).isEqualTo(expected.name());
        assertThat(reply.get("error").get("message").asText()).isNotBlank();
    }
}
