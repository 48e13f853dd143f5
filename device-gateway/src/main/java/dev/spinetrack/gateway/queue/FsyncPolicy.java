package dev.spinetrack.gateway.queue;

/** When appended records are forced to the disk. */
public enum FsyncPolicy {
    /**
     * Every record is fsynced before it is handed to the publisher (group commit: one fsync
     * covers everything appended since the last one). Survives kill -9 and power loss.
     */
    BEFORE_PUBLISH,
    /**
     * Records reach the OS page cache only. Survives kill -9 of the gateway (the kernel still
     * writes the pages) but not a power cut; for benchmarks and throw-away setups.
     */
    NEVER
}
