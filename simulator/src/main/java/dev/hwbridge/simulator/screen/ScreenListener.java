package dev.hwbridge.simulator.screen;

/** Receives every screen the device shows; see {@link DeviceScreen#addListener}. */
@FunctionalInterface
public interface ScreenListener {

    /** Called with the new screen; must return quickly and must not block. */
    void onScreen(Screen screen);

    /** Ends a listener's subscription; closing twice is harmless. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
