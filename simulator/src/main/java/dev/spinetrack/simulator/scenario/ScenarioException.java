package dev.spinetrack.simulator.scenario;

/** A scenario could not be found, read or validated; the message says which and where. */
public class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
