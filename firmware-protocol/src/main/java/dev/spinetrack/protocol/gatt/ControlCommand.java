package dev.spinetrack.protocol.gatt;

/** A command written to the control point (PROTOCOL.md §5). */
public sealed interface ControlCommand {

    /** The opcode that identifies this command on the wire. */
    ControlOpcode opcode();

    /** Start sample notifications. */
    record StartStream() implements ControlCommand {
        public ControlOpcode opcode() {
            return ControlOpcode.START_STREAM;
        }
    }

    /** Stop sample notifications. */
    record StopStream() implements ControlCommand {
        public ControlOpcode opcode() {
            return ControlOpcode.STOP_STREAM;
        }
    }

    /** Set the sample rate; the device answers INVALID_PARAMETER outside its capability range. */
    record SetRate(int hz) implements ControlCommand {
        public SetRate {
            if (hz < 1 || hz > 1000) {
                throw new IllegalArgumentException("rate must be in [1, 1000] Hz, was " + hz);
            }
        }

        public ControlOpcode opcode() {
            return ControlOpcode.SET_RATE;
        }
    }

    /** Zero one channel, or every channel with {@link #ALL_CHANNELS}. */
    record Tare(int channel) implements ControlCommand {
        /** Channel value meaning "all channels". */
        public static final int ALL_CHANNELS = 0xFF;

        public Tare {
            if ((channel < 0 || channel >= SampleFrame.MAX_CHANNELS) && channel != ALL_CHANNELS) {
                throw new IllegalArgumentException("tare channel must be 0..31 or 255, was " + channel);
            }
        }

        public ControlOpcode opcode() {
            return ControlOpcode.TARE;
        }
    }

    /** Set the device clock: later frames count milliseconds from this epoch instant. */
    record SetTime(long epochMillis) implements ControlCommand {
        public SetTime {
            if (epochMillis < 0) {
                throw new IllegalArgumentException("epoch millis must be >= 0, was " + epochMillis);
            }
        }

        public ControlOpcode opcode() {
            return ControlOpcode.SET_TIME;
        }
    }

    /** Blink or buzz for a number of seconds so the user can tell devices apart. */
    record Identify(int seconds) implements ControlCommand {
        public Identify {
            if (seconds < 1 || seconds > 60) {
                throw new IllegalArgumentException("identify seconds must be in [1, 60], was " + seconds);
            }
        }

        public ControlOpcode opcode() {
            return ControlOpcode.IDENTIFY;
        }
    }
}
