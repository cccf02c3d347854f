package dev.hwbridge.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.daemon.device.DeviceError;
import dev.hwbridge.daemon.device.DeviceException;
import dev.hwbridge.daemon.device.Replies;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.session.SessionError;
import dev.hwbridge.daemon.session.SessionException;
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
    void deviceErrorsMapToTheirApplicationErrors() {
        assertThat(map(DeviceError.GONE)).isEqualTo(RpcError.DEVICE_GONE);
        assertThat(map(DeviceError.CANCELLED)).isEqualTo(RpcError.CANCELLED);
        assertThat(map(DeviceError.TIMEOUT)).isEqualTo(RpcError.TIMEOUT);
        assertThat(map(DeviceError.BUSY)).isEqualTo(RpcError.BUSY);
        assertThat(map(DeviceError.NOT_WANTED)).isEqualTo(RpcError.NO_SESSION);
        assertThat(map(DeviceError.FAILED)).isEqualTo(RpcError.DEVICE_ERROR);
        assertThat(map(DeviceError.TOO_LARGE)).isEqualTo(RpcError.INVALID_PAYLOAD);
        assertThat(map(DeviceError.QUEUE_FULL)).isEqualTo(RpcError.RATE_LIMITED);
        for (DeviceError error : DeviceError.values()) {
            assertThat(map(error)).isNotNull();
        }
    }

    @Test
    void aMalformedReplyIsADeviceErrorNotALostDevice() {
        assertThat(map(DeviceError.MALFORMED_REPLY)).isEqualTo(RpcError.DEVICE_ERROR);
    }

    @Test
    void sessionErrorsMapToTheirApplicationErrors() {
        assertThat(DeviceErrors.of(new SessionException(SessionError.NO_SESSION, "n")).error())
                .isEqualTo(RpcError.NO_SESSION);
        assertThat(DeviceErrors.of(new SessionException(SessionError.HELD, "h")).error()).isEqualTo(RpcError.BUSY);
        assertThat(DeviceErrors.of(new SessionException(SessionError.DEVICE_GONE, "g")).error())
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

    private static RpcError map(DeviceError error) {
        return DeviceErrors.of(new DeviceException(error, "m")).error();
    }

    private static RpcError map(Failure.Code code) {
        return DeviceErrors.of(Failure.newBuilder().setCode(code).build()).error();
    }
}
