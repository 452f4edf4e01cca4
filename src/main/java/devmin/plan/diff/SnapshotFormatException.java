package devmin.plan.diff;

/** An earlier plan that cannot be read as a plan snapshot; the message names the file and what is wrong with it. */
public final class SnapshotFormatException extends Exception {

    public SnapshotFormatException(String message) {
        super(message);
    }
}
