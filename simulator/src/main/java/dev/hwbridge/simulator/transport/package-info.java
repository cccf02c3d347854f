/**
 * The simulated device's protocol endpoint: {@link dev.hwbridge.simulator.transport.UdpDeviceServer}
 * carries the same 64-byte reports a USB HID device would, one per UDP datagram on loopback, with
 * the shared framing code of {@code dev.hwbridge.protocol.framing}.
 */
package dev.hwbridge.simulator.transport;
