package dev.hwbridge.daemon.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.protocol.client.DeviceClientException;
import dev.hwbridge.protocol.framing.FrameError;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Response;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class DeviceErrorsTest {

    @Test
    void everyFailureCodeHasAnApplicationError() {
        for (Failure.Code code : EnumSet.complementOf(EnumSet.of(Failure.Code.UNRECOGNIZED))) {
            RpcException error = DeviceErrors.of(Failure.newBuilder().setCode(code).build());

            assertThat(error.error()).as(code.name()).isNotIn(RpcError.PARSE_ERROR, RpcError.INVALID_REQUEST,
                    RpcError.METHOD_NOT_FOUND, RpcError.INTERNAL_ERROR, RpcError.RATE_LIMITED);
        }
    }

    @Test
    void failureCodesKeepTheirMeaning() {
        assertThat(map(Failure.Code.USER_REJECTED)).isEqualTo(RpcError.USER_REJECTED);
        assertThat(map(Failure.Code.LOCKED)).isEqualTo(RpcError.LOCKED);
        assertThat(map(Failure.Code.NOT_INITIALIZED)).isEqualTo(RpcError.NOT_INITIALIZED);
        assertThat(map(Failure.Code.UNSUPPORTED_SCHEME)).isEqualTo(RpcError.INVALID_PATH);
        assertThat(map(Failure.Code.WRONG_PASSWORD)).isEqualTo(RpcError.WRONG_PASSWORD);
        assertThat(map(Failure.Code.UNSUPPORTED_JSON)).isEqualTo(RpcError.INVALID_JSON);
        assertThat(map(Failure.Code.FIRMWARE_ERROR)).isEqualTo(RpcError.DEVICE_ERROR);
        assertThat(map(Failure.Code.UNSPECIFIED)).isEqualTo(RpcError.DEVICE_ERROR);
        assertThat(map(Failure.Code.INVALID_REQUEST)).isEqualTo(RpcError.INVALID_PARAMS);
    }

    @Test
    void theDevicesTextIsShownButBounded() {
        RpcException error = DeviceErrors.of(Failure.newBuilder().setCode(Failure.Code.INVALID_PATH)
                .setMessage("x".repeat(5000)).build());

        assertThat(error.getMessage()).hasSizeLessThan(300).contains("INVALID_PATH");
    }

    @Test
    void clientFailuresMapToTransportLevelErrors() {
        assertThat(DeviceErrors.of(new DeviceClientException(DeviceClientException.Code.DEVICE_GONE, "gone")).error())
                .isEqualTo(RpcError.DEVICE_GONE);
        assertThat(DeviceErrors.of(new DeviceClientException(DeviceClientException.Code.INTERRUPTED, "i")).error())
                .isEqualTo(RpcError.CANCELLED);
        assertThat(DeviceErrors.of(new DeviceClientException(DeviceClientException.Code.TIMEOUT, "t")).error())
                .isEqualTo(RpcError.TIMEOUT);
        assertThat(DeviceErrors.of(DeviceClientException.deviceError(FrameError.CHANNEL_BUSY)).error())
                .isEqualTo(RpcError.BUSY);
        assertThat(DeviceErrors.of(DeviceClientException.deviceError(FrameError.INVALID_SEQUENCE)).error())
                .isEqualTo(RpcError.DEVICE_ERROR);
        for (DeviceClientException.Code code : DeviceClientException.Code.values()) {
            assertThat(DeviceErrors.of(new DeviceClientException(code, "m")).error()).isNotNull();
        }
        assertThat(DeviceErrors.of(new TransportException(TransportException.Code.NOT_FOUND, "n")).error())
                .isEqualTo(RpcError.DEVICE_GONE);
    }

    @Test
    void expectReturnsTheWantedReplyAndTurnsOthersIntoErrors() throws Exception {
        Response success = Replies.success();

        assertThat(DeviceErrors.expect(success, Response.BodyCase.SUCCESS)).isSameAs(success);
        assertThatThrownBy(() -> DeviceErrors.expect(Replies.failure(Failure.Code.LOCKED), Response.BodyCase.SUCCESS))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.error()).isEqualTo(RpcError.LOCKED));
        assertThatThrownBy(() -> DeviceErrors.expect(success, Response.BodyCase.SIGNATURE))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.error()).isEqualTo(RpcError.DEVICE_ERROR));
    }

    private static RpcError map(Failure.Code code) {
        return DeviceErrors.of(Failure.newBuilder().setCode(code).build()).error();
    }
}
