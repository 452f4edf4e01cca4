package devmin.rehearse;

/** One finished step of a rehearsal: its name, what it did, and how long it took. */
public record RehearsalStep(String name, String summary, long millis) {
}
