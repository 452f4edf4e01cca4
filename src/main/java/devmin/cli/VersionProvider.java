package devmin.cli;

import devmin.evidence.ToolVersion;
import picocli.CommandLine;

/** {@code devmin --version}: the version every verdict's provenance records ({@link ToolVersion}). */
public final class VersionProvider implements CommandLine.IVersionProvider {

    public static String version() {
        return ToolVersion.current();
    }

    @Override
    public String[] getVersion() {
        return new String[]{"devmin " + version()};
    }
}
