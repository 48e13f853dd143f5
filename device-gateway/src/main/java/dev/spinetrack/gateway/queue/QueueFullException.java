package dev.spinetrack.gateway.queue;

/** The queue is at its size bound; the message was not stored. */
public class QueueFullException extends Exception {
    public QueueFullException(String message) {
        super(message);
    }
}
