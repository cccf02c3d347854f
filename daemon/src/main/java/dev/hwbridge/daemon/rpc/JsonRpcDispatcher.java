package dev.hwbridge.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns JSON-RPC 2.0 text frames (single calls or batches) into method calls on worker threads and
 * their outcomes into response text. Transport-agnostic and thread-safe; one per daemon.
 *
 * <p>Never logs params, results or error messages (they may carry payloads or a JSON password):
 * only the method name, the duration and the error name, at DEBUG; a method's unexpected
 * exception is logged at WARN with its stack trace but not its message.
 */
public final class JsonRpcDispatcher {

    /** Calls in one batch; a bigger batch is refused whole with INVALID_REQUEST. */
    public static final int MAX_BATCH_SIZE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
    private static final int MAX_LOGGED_NAME = 64;

    private final MethodRegistry methods;
    private final Executor workers;
    private final JsonRpcCodec codec = new JsonRpcCodec();

    /**
     * @param workers runs the calls; never a Netty event loop, since calls block on the device
     */
    public JsonRpcDispatcher(MethodRegistry methods, Executor workers) {
        this.methods = Objects.requireNonNull(methods, "methods");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    /**
     * Handles one frame of a connection. Call it on the connection's I/O thread, in frame order:
     * every call is admitted through {@code scope} there, before anything runs.
     *
     * @return completes with the reply text once every call of the frame has finished, or with
     *     null when nothing is to be sent (a notification, or a batch of them). Frames that need no
     *     worker (parse errors, refused calls) complete before this method returns.
     */
    public CompletableFuture<String> dispatch(String frame, RpcClient client, CallScope scope) {
        JsonNode tree;
        try {
            tree = codec.parse(frame);
        } catch (JsonRpcCodec.ParseFailure e) {
            return CompletableFuture.completedFuture(write(refusedOr(scope, NullNode.getInstance(),
                    () -> codec.error(NullNode.getInstance(), RpcError.PARSE_ERROR, e.getMessage(), null))));
        }
        if (!tree.isArray()) {
            return handle(tree, client, scope).thenApply(this::write);
        }
        if (tree.isEmpty() || tree.size() > MAX_BATCH_SIZE) {
            String reason = tree.isEmpty() ? "an empty batch" : "a batch holds at most " + MAX_BATCH_SIZE + " calls";
            return CompletableFuture.completedFuture(write(refusedOr(scope, NullNode.getInstance(),
                    () -> codec.error(NullNode.getInstance(), RpcError.INVALID_REQUEST, reason, null))));
        }
        List<CompletableFuture<ObjectNode>> calls = new ArrayList<>(tree.size());
        for (JsonNode element : tree) {
            calls.add(handle(element, client, scope));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(done -> {
            var responses = JsonNodeFactory.instance.arrayNode();
            for (CompletableFuture<ObjectNode> call : calls) {
                ObjectNode response = call.join();
                if (response != null) {
                    responses.add(response);
                }
            }
            return responses.isEmpty() ? null : codec.write(responses);
        });
    }

    /** The text of a server-to-client notification. */
    public String notification(String method, JsonNode params) {
        return codec.write(codec.notification(method, params));
    }

    /** One request object: its response, or null for a notification. */
    private CompletableFuture<ObjectNode> handle(JsonNode element, RpcClient client, CallScope scope) {
        JsonRpcCodec.Decoded decoded = codec.decode(element);
        long delayNanos = scope.admitNanos();
        if (decoded instanceof JsonRpcCodec.Invalid invalid) {
            return CompletableFuture.completedFuture(delayNanos == CallAdmission.REFUSE
                    ? rateLimited(invalid.id())
                    : codec.error(invalid.id(), RpcError.INVALID_REQUEST, invalid.reason(), null));
        }
        JsonRpcCodec.Request request = (JsonRpcCodec.Request) decoded;
        String name = loggable(request.method());
        if (delayNanos == CallAdmission.REFUSE) {
            LOG.debug("refused {}: {}", name, RpcError.RATE_LIMITED);
            return completed(request, rateLimited(request.id()));
        }
        Optional<RpcMethod> method = methods.lookup(request.method());
        if (method.isEmpty()) {
            LOG.debug("unknown method {}", name);
            return completed(request, codec.error(request.id(), RpcError.METHOD_NOT_FOUND,
                    "no method named " + name, null));
        }
        if (request.params().isArray()) {
            return completed(request, codec.error(request.id(), RpcError.INVALID_PARAMS,
                    "params must be an object (by name), not an array", null));
        }
        RpcMethod target = method.get();
        CompletableFuture<ObjectNode> started = delayNanos == 0
                ? startWithoutBlocking(target, name, request, client, scope) : null;
        if (started == null) {
            started = scope.start(() -> invoke(target, name, request, client), delayNanos, workers);
        }
        return started
                .handle((response, failure) -> {
                    if (failure == null) {
                        return request.isNotification() ? null : response;
                    }
                    return request.isNotification() ? null : failed(request, name, unwrap(failure));
                });
    }

    /**
     * Starts the method here, on the I/O thread, if it can start without blocking (a call queued
     * for its device): no worker then hands it on.
     *
     * @return the call, or null when it must start on a worker
     */
    private CompletableFuture<ObjectNode> startWithoutBlocking(RpcMethod method, String name,
                                                               JsonRpcCodec.Request request, RpcClient client,
                                                               CallScope scope) {
        long started = System.nanoTime();
        Optional<CompletableFuture<JsonNode>> work;
        try {
            work = method.startWithoutBlocking(client, request.params());
        } catch (RpcException e) {
            return CompletableFuture.completedFuture(error(name, request, started, e));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(unexpected(name, request, started, e));
        }
        if (work.isEmpty()) {
            return null;
        }
        CompletableFuture<JsonNode> queued = work.get();
        CompletableFuture<ObjectNode> call = scope.start(() -> respond(queued, name, request, started), 0,
                Runnable::run);
        // Refused by the scope (closed, too many in flight): the work must not run for nobody.
        call.whenComplete((done, failure) -> {
            if (failure != null) {
                queued.cancel(true);
            }
        });
        return call;
    }

    /**
     * Starts the method on a worker thread; the returned future never fails for a method's own
     * failure (it becomes an error response), and cancelling it cancels the method's work.
     */
    private CompletableFuture<ObjectNode> invoke(RpcMethod method, String name, JsonRpcCodec.Request request,
                                                 RpcClient client) {
        long started = System.nanoTime();
        CompletableFuture<JsonNode> work;
        try {
            work = method.start(client, request.params());
        } catch (RpcException e) {
            return CompletableFuture.completedFuture(error(name, request, started, e));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(unexpected(name, request, started, e));
        }
        return respond(work, name, request, started);
    }

    /** The response once {@code work} completes; cancelling the response cancels the work. */
    private CompletableFuture<ObjectNode> respond(CompletableFuture<JsonNode> work, String name,
                                                  JsonRpcCodec.Request request, long started) {
        CompletableFuture<ObjectNode> response = work.handle((result, failure) -> {
            if (failure == null) {
                LOG.debug("{} done in {} ms", name, millisSince(started));
                return codec.result(request.id(), result);
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof RpcException e) {
                return error(name, request, started, e);
            }
            if (cause instanceof CancellationException e) {
                throw e;
            }
            return unexpected(name, request, started, cause);
        });
        // The connection closing cancels the response; the method's work must hear of it.
        response.whenComplete((done, failure) -> {
            if (response.isCancelled()) {
                work.cancel(true);
            }
        });
        return response;
    }

    private ObjectNode error(String name, JsonRpcCodec.Request request, long started, RpcException e) {
        LOG.debug("{} failed in {} ms: {}", name, millisSince(started), e.error());
        return codec.error(request.id(), e.error(), e.getMessage(), e.data());
    }

    private ObjectNode unexpected(String name, JsonRpcCodec.Request request, long started, Throwable e) {
        // A bug in the method: the client learns only that; the log keeps the trace.
        LOG.warn("{} failed unexpectedly in {} ms", name, millisSince(started), RedactedTrace.of(e));
        return internalError(request.id());
    }

    private ObjectNode failed(JsonRpcCodec.Request request, String name, Throwable failure) {
        if (failure instanceof CancellationException) {
            LOG.debug("{} cancelled: {}", name, RpcError.CANCELLED);
            return codec.error(request.id(), RpcError.CANCELLED, "the call was cancelled", null);
        }
        if (failure instanceof RejectedExecutionException) {
            LOG.debug("{} refused: {}", name, RpcError.RATE_LIMITED);
            return codec.error(request.id(), RpcError.RATE_LIMITED, "too many calls in progress", null);
        }
        LOG.warn("{} failed unexpectedly", name, RedactedTrace.of(failure));
        return internalError(request.id());
    }

    private ObjectNode refusedOr(CallScope scope, JsonNode id, Supplier<ObjectNode> otherwise) {
        return scope.admitNanos() == CallAdmission.REFUSE ? rateLimited(id) : otherwise.get();
    }

    private ObjectNode rateLimited(JsonNode id) {
        return codec.error(id, RpcError.RATE_LIMITED, "too many calls per second on this connection", null);
    }

    private ObjectNode internalError(JsonNode id) {
        return codec.error(id, RpcError.INTERNAL_ERROR, "internal error", null);
    }

    private static CompletableFuture<ObjectNode> completed(JsonRpcCodec.Request request, ObjectNode response) {
        return CompletableFuture.completedFuture(request.isNotification() ? null : response);
    }

    private String write(ObjectNode response) {
        return response == null ? null : codec.write(response);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** A method name as the client sent it, safe to log: printable ASCII, bounded. */
    static String loggable(String name) {
        StringBuilder safe = new StringBuilder(Math.min(name.length(), MAX_LOGGED_NAME) + 1);
        for (int i = 0; i < name.length() && i < MAX_LOGGED_NAME; i++) {
            char c = name.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (name.length() > MAX_LOGGED_NAME) {
            safe.append('…');
        }
        return safe.toString();
    }
}
