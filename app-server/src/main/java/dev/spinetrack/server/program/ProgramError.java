package dev.spinetrack.server.program;

/**
 * One thing wrong in a program document.
 *
 * @param source the file or upload name
 * @param path   where in the document, e.g. {@code steps[2] (cat-cow).reps}
 * @param message what is wrong, with the offending value
 */
public record ProgramError(String source, String path, String message) {
    @Override
    public String toString() {
        return source + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
