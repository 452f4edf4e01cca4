package devmin.rehearse;

/** A rehearsal step that failed or could not run: the message names the step and says what happened. */
public final class RehearsalException extends Exception {

    private final String step;

    public RehearsalException(String step, String message) {
        super("step '" + step + "' failed: " + message);
        this.step = step;
    }

    public String step() {
        return step;
    }
}
