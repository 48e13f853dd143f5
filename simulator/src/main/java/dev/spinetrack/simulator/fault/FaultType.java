package dev.spinetrack.simulator.fault;

/** The kinds of fault the simulator injects; names appear in ground truth. */
public enum FaultType {
    /** A packet's notifications are not delivered (seq gap at the central). */
    DROP,
    /** A byte the decoder checks is overwritten (the central gets a DecodeError). */
    CORRUPT,
    /** A packet's notifications are delivered twice (repeated seq at the central). */
    DUPLICATE,
    /** The link drops; the device advertises again shortly after. */
    DISCONNECT,
    /** The device clock runs fast or slow by some ppm. */
    CLOCK_DRIFT,
    /** The battery falls to a low level. */
    LOW_BATTERY,
    /** The device stops sampling for a while without disconnecting. */
    STALL,
    /** The device powers off and on: link drops, sequence restarts at 0, clock unset, boot counter + 1. */
    REBOOT
}
