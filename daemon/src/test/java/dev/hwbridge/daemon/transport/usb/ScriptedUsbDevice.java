package dev.hwbridge.daemon.transport.usb;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyByte;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.usb4java.DeviceHandle;
import org.usb4java.LibUsb;

/**
 * Scripts a mocked {@link LibUsbApi}'s interrupt transfers like a device would answer them: OUT
 * transfers are recorded (and echoed back, as a PING answer is), IN transfers take the next queued
 * report or time out.
 */
final class ScriptedUsbDevice {

    /** A WebUSB-style signer: vendor interface 0 with interrupt IN 0x81 and OUT 0x01. */
    static UsbDeviceInfo signer(String location, int vendorId, int productId) {
        return new UsbDeviceInfo(location, vendorId, productId, 2, 3, List.of(
                new UsbDeviceInfo.Interface(0, 0, 0xFF, List.of(
                        new UsbDeviceInfo.Endpoint(0x81, 0x03), new UsbDeviceInfo.Endpoint(0x01, 0x03)))));
    }

    final List<byte[]> received = new CopyOnWriteArrayList<>();
    final List<Long> timeouts = new CopyOnWriteArrayList<>();
    final BlockingQueue<byte[]> toHost = new LinkedBlockingQueue<>();
    volatile boolean echo = true;

    ScriptedUsbDevice(LibUsbApi api) {
        when(api.interruptTransfer(any(DeviceHandle.class), anyByte(), any(ByteBuffer.class), any(IntBuffer.class), anyLong()))
                .thenAnswer(call -> transfer(call.getArgument(1), call.getArgument(2), call.getArgument(3), call.getArgument(4)));
    }

    private int transfer(byte endpoint, ByteBuffer data, IntBuffer transferred, long timeoutMillis) throws InterruptedException {
        timeouts.add(timeoutMillis);
        if (!data.isDirect()) {
            return LibUsb.ERROR_INVALID_PARAM;
        }
        if ((endpoint & 0x80) == 0) {
            byte[] report = new byte[data.capacity()];
            data.get(0, report);
            received.add(report);
            if (echo) {
                toHost.add(report);
            }
            transferred.put(0, report.length);
            return LibUsb.SUCCESS;
        }
        byte[] next = toHost.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (next == null) {
            return LibUsb.ERROR_TIMEOUT;
        }
        data.put(0, next, 0, Math.min(next.length, data.capacity()));
        transferred.put(0, next.length);
        return next.length > data.capacity() ? LibUsb.ERROR_OVERFLOW : LibUsb.SUCCESS;
    }
}
