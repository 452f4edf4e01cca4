package devmin.certify;

import devmin.live.CallLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Verdicts under the local evidence root, {@code <root>/<environment>/<phaseDir>/<UTC>/<file>}. */
public final class LocalEvidence implements EvidenceSource {

    private final Path root;
    private final String environment;

    public LocalEvidence(Path root, String environment) {
        this.root = root;
        this.environment = environment;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Optional<Stored> newest(VerdictKind kind, String since, CallLog log) {
        Path phase = root.resolve(environment).resolve(kind.phaseDir());
        if (!Files.isDirectory(phase)) {
            return Optional.empty();
        }
        List<String> stamps;
        try (Stream<Path> runs = Files.list(phase)) {
            stamps = runs.filter(run -> Files.isRegularFile(run.resolve(kind.fileName())))
                    .map(run -> run.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new CallLog.Unverified("cannot list " + phase + ": " + e.getMessage());
        }
        Optional<String> stamp = EvidenceSource.newestStamp(stamps, since);
        if (stamp.isEmpty()) {
            return Optional.empty();
        }
        Path file = phase.resolve(stamp.get()).resolve(kind.fileName());
        try {
            return Optional.of(new Stored(environment + "/" + kind.phaseDir() + "/" + stamp.get() + "/"
                    + kind.fileName(), stamp.get(), Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new CallLog.Unverified("cannot read " + file + ": " + e.getMessage());
        }
    }
}
