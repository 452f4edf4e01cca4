package devmin.window;

/** The input is not what {@code pulumi stack history --json} or {@code pulumi stack ls --json} prints. */
public final class HistoryFormatException extends Exception {
    public HistoryFormatException(String message) {
        super(message);
    }
}
