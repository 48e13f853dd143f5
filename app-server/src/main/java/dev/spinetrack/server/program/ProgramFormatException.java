package dev.spinetrack.server.program;

import java.util.List;
import java.util.stream.Collectors;

/** A program document was rejected; {@link #errors()} says every place that was wrong. */
public class ProgramFormatException extends Exception {
    private final transient List<ProgramError> errors;

    public ProgramFormatException(List<ProgramError> errors) {
        super(errors.stream().map(ProgramError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** Every error found, in document order. */
    public List<ProgramError> errors() {
        return errors;
    }
}
