package dev.hwbridge.daemon.transport.usb;

import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import dev.hwbridge.daemon.transport.NativeCallGuard;
import java.util.function.IntSupplier;
import org.usb4java.LibUsb;

/**
 * libusb error codes to names and to {@link TransportException} codes, in one place. Names are
 * spelled here rather than asked of libusb so that building a message never calls native code.
 */
final class LibUsbErrors {

    private LibUsbErrors() {
    }

    /** The libusb name of {@code code}, e.g. {@code LIBUSB_ERROR_NO_DEVICE}. */
    static String name(int code) {
        return switch (code) {
            case LibUsb.SUCCESS -> "LIBUSB_SUCCESS";
            case LibUsb.ERROR_IO -> "LIBUSB_ERROR_IO";
            case LibUsb.ERROR_INVALID_PARAM -> "LIBUSB_ERROR_INVALID_PARAM";
            case LibUsb.ERROR_ACCESS -> "LIBUSB_ERROR_ACCESS";
            case LibUsb.ERROR_NO_DEVICE -> "LIBUSB_ERROR_NO_DEVICE";
            case LibUsb.ERROR_NOT_FOUND -> "LIBUSB_ERROR_NOT_FOUND";
            case LibUsb.ERROR_BUSY -> "LIBUSB_ERROR_BUSY";
            case LibUsb.ERROR_TIMEOUT -> "LIBUSB_ERROR_TIMEOUT";
            case LibUsb.ERROR_OVERFLOW -> "LIBUSB_ERROR_OVERFLOW";
            case LibUsb.ERROR_PIPE -> "LIBUSB_ERROR_PIPE";
            case LibUsb.ERROR_INTERRUPTED -> "LIBUSB_ERROR_INTERRUPTED";
            case LibUsb.ERROR_NO_MEM -> "LIBUSB_ERROR_NO_MEM";
            case LibUsb.ERROR_NOT_SUPPORTED -> "LIBUSB_ERROR_NOT_SUPPORTED";
            case LibUsb.ERROR_OTHER -> "LIBUSB_ERROR_OTHER";
            default -> "libusb error " + code;
        };
    }

    /** A failed transfer on an open channel: an unplugged device is gone, an overlong report is bad. */
    static TransportException transferFailure(String path, String what, int code) {
        Code mapped = switch (code) {
            case LibUsb.ERROR_NO_DEVICE -> Code.DEVICE_GONE;
            case LibUsb.ERROR_OVERFLOW -> Code.BAD_REPORT;
            default -> Code.IO;
        };
        return new TransportException(mapped, path + ": " + what + " failed: " + name(code));
    }

    /** A failure while opening or claiming: a missing device is not found, a held one is denied. */
    static TransportException openFailure(String path, String what, int code) {
        Code mapped = switch (code) {
            case LibUsb.ERROR_NO_DEVICE, LibUsb.ERROR_NOT_FOUND -> Code.NOT_FOUND;
            case LibUsb.ERROR_ACCESS, LibUsb.ERROR_BUSY -> Code.ACCESS_DENIED;
            default -> Code.IO;
        };
        String hint = switch (mapped) {
            case ACCESS_DENIED -> " (no permission, or another program has claimed it; on Linux a udev rule must grant access)";
            default -> "";
        };
        return new TransportException(mapped, path + ": " + what + " failed: " + name(code) + hint);
    }

    /** Runs one libusb call outside a channel; the binding's exceptions become {@code IO}. */
    static int call(String what, IntSupplier call) throws TransportException {
        try {
            return call.getAsInt();
        } catch (RuntimeException | LinkageError e) {
            throw new TransportException(Code.IO, what + " failed in the native library: " + NativeCallGuard.describe(e), e);
        }
    }
}
