package dev.spinetrack.server.security;

/** What an account may do beyond its own data. */
public enum Role {
    /** Their own devices, sessions, programs, tender spots, exports; clients' history granted to them. */
    USER,
    /** Also manages accounts and sees health details and metrics. */
    ADMIN
}
