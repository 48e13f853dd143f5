package dev.spinetrack.gateway.queue;

/**
 * What the queue holds and what it had to refuse or skip.
 *
 * @param depth          messages waiting for their PUBACK
 * @param bytes          bytes those messages take on disk
 * @param appended       messages appended since open
 * @param acked          messages acknowledged since open
 * @param rejectedFull   messages refused because the queue was full
 * @param tornRecords    damaged records found and skipped when the queue was opened
 */
public record QueueCounters(long depth, long bytes, long appended, long acked, long rejectedFull, long tornRecords) {
}
