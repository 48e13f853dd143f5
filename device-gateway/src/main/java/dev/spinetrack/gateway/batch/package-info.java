/** Groups samples per device into MQTT batches, sealed by size or age, into the durable queue. */
package dev.spinetrack.gateway.batch;
