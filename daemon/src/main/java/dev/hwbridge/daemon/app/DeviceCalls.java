package dev.hwbridge.daemon.app;

import dev.hwbridge.daemon.device.DeviceException;
import dev.hwbridge.daemon.device.Futures;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.session.Session;
import dev.hwbridge.daemon.session.SessionException;
import dev.hwbridge.protocol.message.Features;
import dev.hwbridge.protocol.message.GetFeatures;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.util.concurrent.CompletableFuture;

/** Runs one request through a session, relaying prompts to the caller and checking the reply type. */
final class DeviceCalls {

    static final Request GET_FEATURES = Request.newBuilder().setGetFeatures(GetFeatures.getDefaultInstance()).build();

    private DeviceCalls() {
    }

    /**
     * @return the final reply, which has type {@code expected}
     * @throws RpcException the mapped Failure, DEVICE_ERROR for another reply, or a session/device error
     */
    static Response run(Session session, RpcClient caller, Request request, Response.BodyCase expected) throws RpcException {
        return DeviceErrors.expect(finalReply(session, caller, request), expected);
    }

    /**
     * @return the final reply, whatever its type (a {@code Failure} too)
     * @throws RpcException a session or device error
     */
    static Response finalReply(Session session, RpcClient caller, Request request) throws RpcException {
        try {
            return session.call(request, new PromptRelay(caller, session.deviceId(), session.id()));
        } catch (SessionException e) {
            throw DeviceErrors.of(e);
        } catch (DeviceException e) {
            throw DeviceErrors.of(e);
        }
    }

    static Features features(Session session, RpcClient caller) throws RpcException {
        return run(session, caller, GET_FEATURES, Response.BodyCase.FEATURES).getFeatures();
    }

    /**
     * As {@link #run}, started: no thread waits for the device.
     *
     * @return completes with the final reply of type {@code expected}, or fails with the {@link RpcException} run throws
     */
    static CompletableFuture<Response> start(Session session, RpcClient caller, Request request,
                                             Response.BodyCase expected) {
        CompletableFuture<Response> result = new CompletableFuture<>();
        session.callAsync(request, new PromptRelay(caller, session.deviceId(), session.id()))
                .whenComplete((reply, failure) -> {
                    try {
                        if (failure != null) {
                            throw rpcError(Futures.cause(failure));
                        }
                        result.complete(DeviceErrors.expect(reply, expected));
                    } catch (RpcException | RuntimeException | Error e) {
                        result.completeExceptionally(e);
                    }
                });
        return result;
    }

    /** A failure of a started device call as the JSON-RPC error it stands for. */
    static RpcException rpcError(Throwable failure) {
        if (failure instanceof SessionException e) {
            return DeviceErrors.of(e);
        }
        if (failure instanceof DeviceException e) {
            return DeviceErrors.of(e);
        }
        if (failure instanceof RpcException e) {
            return e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("a device call failed unexpectedly", failure);
    }
}
