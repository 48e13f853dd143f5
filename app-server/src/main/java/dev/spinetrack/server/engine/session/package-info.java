/**
 * Pure session rules: which samples a batch keeps, when an automatic session opens, ends,
 * resumes or starts earlier (PROTOCOL.md §7.6 item 5, docs/server.md "Sessions"), decided from
 * values and returned as values. No I/O: {@code session} loads the state, asks these classes and
 * applies what they return inside its transaction.
 */
package dev.spinetrack.server.engine.session;
