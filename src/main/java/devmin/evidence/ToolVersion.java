package devmin.evidence;

/** The tool version from the jar manifest (the Maven project version), "dev" when run from classes. */
public final class ToolVersion {

    private ToolVersion() {
    }

    public static String current() {
        String v = ToolVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
