package dev.spinetrack.server.live;

import java.util.function.Function;

/**
 * One frame or event on its way to the subscribers, the same instance for all of them, so that
 * its wire form is computed once however many streams watch the device ({@link #encoded}).
 */
public final class LiveMessage {

    private final String device;
    private final Object message;
    private String encoded;

    LiveMessage(String device, Object message) {
        this.device = device;
        this.message = message;
    }

    /** The device it is about. */
    public String device() {
        return device;
    }

    /** The {@link LiveFrame} or {@link LiveEvent}. */
    public Object message() {
        return message;
    }

    /** Whether it is a frame, which a newer frame of the same device supersedes. */
    public boolean frame() {
        return message instanceof LiveFrame;
    }

    /**
     * The message's wire form: computed by {@code encoder} on the first call, the same string
     * for every later call (every subscriber uses the one encoder).
     */
    public synchronized String encoded(Function<Object, String> encoder) {
        if (encoded == null) {
            encoded = encoder.apply(message);
        }
        return encoded;
    }

    @Override
    public String toString() {
        return "LiveMessage[" + device + ", " + message + "]";
    }
}
