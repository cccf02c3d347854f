package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.InputRequest;
import dev.hwbridge.protocol.message.Progress;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.Success;
import java.util.List;

/** Builds the Response envelopes the device sends. Stateless. */
final class Replies {

    private Replies() {
    }

    static Response failure(Failure.Code code, String message) {
        return Response.newBuilder()
                .setFailure(Failure.newBuilder().setCode(code).setMessage(message == null ? "" : message))
                .build();
    }

    static Response success(String message) {
        return Response.newBuilder().setSuccess(Success.newBuilder().setMessage(message)).build();
    }

    static Response buttonRequest(ButtonRequest.Kind kind, String title, List<String> lines) {
        return Response.newBuilder()
                .setButtonRequest(ButtonRequest.newBuilder().setKind(kind).setTitle(title).addAllLines(lines))
                .build();
    }

    static Response inputRequest(InputRequest.Kind kind, String title) {
        return Response.newBuilder()
                .setInputRequest(InputRequest.newBuilder().setKind(kind).setTitle(title))
                .build();
    }

    static Response progress(int current, int total, String text) {
        return Response.newBuilder()
                .setProgress(Progress.newBuilder().setCurrent(current).setTotal(total).setText(text))
                .build();
    }
}
