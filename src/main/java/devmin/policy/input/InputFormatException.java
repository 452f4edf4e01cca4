package devmin.policy.input;

/** The input is not the JSON format it was given as; the message says which file and what was expected. */
public final class InputFormatException extends Exception {
    public InputFormatException(String message) {
        super(message);
    }
}
