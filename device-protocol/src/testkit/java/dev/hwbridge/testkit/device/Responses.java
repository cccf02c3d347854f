package dev.hwbridge.testkit.device;

import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.InputRequest;
import dev.hwbridge.protocol.message.Progress;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.Signature;
import dev.hwbridge.protocol.message.Success;

/** Test helper: the Responses scripts send, built in one line each. */
public final class Responses {

    private Responses() {
    }

    public static Response success(String message) {
        return Response.newBuilder().setSuccess(Success.newBuilder().setMessage(message)).build();
    }

    public static Response failure(Failure.Code code) {
        return Response.newBuilder().setFailure(Failure.newBuilder().setCode(code).setMessage(code.name())).build();
    }

    public static Response signature(byte[] signature) {
        return Response.newBuilder().setSignature(Signature.newBuilder().setSignature(ByteString.copyFrom(signature)))
                .build();
    }

    public static Response buttonRequest(ButtonRequest.Kind kind, String title) {
        return Response.newBuilder().setButtonRequest(ButtonRequest.newBuilder().setKind(kind).setTitle(title)).build();
    }

    public static Response progress(int current, int total) {
        return Response.newBuilder().setProgress(Progress.newBuilder().setCurrent(current).setTotal(total)
                .setText("word " + current + " of " + total)).build();
    }

    public static Response inputRequest(InputRequest.Kind kind, String title) {
        return Response.newBuilder().setInputRequest(InputRequest.newBuilder().setKind(kind).setTitle(title)).build();
    }
}
