/**
 * The durable store-and-forward queue: a batch is appended here before it is published and
 * leaves only after the broker's PUBACK. Append-only segment files with a CRC per record, so
 * a write torn by a kill or power cut is detected, counted and skipped on restart.
 */
package dev.spinetrack.gateway.queue;
