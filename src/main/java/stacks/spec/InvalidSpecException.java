package stacks.spec;

import java.util.List;
import java.util.stream.Collectors;

/** The stack configuration is invalid; carries every problem found, not just the first. */
public final class InvalidSpecException extends RuntimeException {

    private final List<SpecError> errors;

    public InvalidSpecException(List<SpecError> errors) {
        super(render(errors));
        this.errors = List.copyOf(errors);
    }

    public List<SpecError> errors() {
        return errors;
    }

    private static String render(List<SpecError> errors) {
        return errors.size() + " problem(s) in the stack configuration; nothing was declared:\n"
                + errors.stream().map(e -> "  - " + e.describe()).collect(Collectors.joining("\n"));
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a config error is a user error: its stack trace would only be noise
    }
}
