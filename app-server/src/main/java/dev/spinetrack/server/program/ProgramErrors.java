package dev.spinetrack.server.program;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors of one program document. */
final class ProgramErrors {

    private final String source;
    private final List<ProgramError> list = new ArrayList<>();


    ProgramErrors(String source) {
        this.source = source;
    }

    void add(String path, String message) {
        list.add(new ProgramError(source, path, message));
    }

    int size() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    ProgramFormatException exception() {
        return new ProgramFormatException(list);
    }
}
