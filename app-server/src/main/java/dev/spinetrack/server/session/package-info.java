/**
 * Sessions and the per-device tracking engine: which samples belong to which session (by
 * device seq), automatic start on contact and end after an idle timeout, region tags and target
 * bands, and the in-memory tracking state that is always rebuilt from stored data.
 */
package dev.spinetrack.server.session;
