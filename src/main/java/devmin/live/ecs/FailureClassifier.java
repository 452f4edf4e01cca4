package devmin.live.ecs;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a stopped task's evidence (stop code, stop reason, container reasons, exit code, last log lines) by
 * layer. Layers are tried in a fixed order because one message can carry several markers: identity first
 * ({@code CannotPullContainerError: … AccessDenied} is a refused principal, not a bad image), then wiring
 * ({@code CannotPullContainerError: … dial tcp … i/o timeout} is a task that cannot reach ECR), then capacity, then
 * artifact. The markers are the words ECS and the usual runtimes print (ECS "Stopped tasks error codes"; AWS SDK
 * and botocore error codes; Python, Java and Kafka client exceptions).
 */
public final class FailureClassifier {

    private record Marker(FailureLayer layer, String label, Pattern pattern) {
    }

    private static final List<Marker> MARKERS = List.of(
            marker(FailureLayer.IDENTITY, "AccessDenied", "AccessDenied(Exception)?|access denied"),
            marker(FailureLayer.IDENTITY, "not authorized", "is not authorized to perform|UnauthorizedOperation"),
            marker(FailureLayer.IDENTITY, "expired credentials", "ExpiredToken(Exception)?|InvalidClientTokenId"),
            marker(FailureLayer.IDENTITY, "Kafka authentication", "SaslAuthenticationException|Authentication failed"),
            marker(FailureLayer.IDENTITY, "Kafka authorization", "(Topic|Group|Cluster)AuthorizationException"),
            marker(FailureLayer.IDENTITY, "403 Forbidden", "\\b403 Forbidden\\b"),
            marker(FailureLayer.WIRING, "connection refused", "Connection refused|ECONNREFUSED"),
            marker(FailureLayer.WIRING, "unknown host", "UnknownHostException|Name or service not known"
                    + "|Temporary failure in name resolution|getaddrinfo|no such host|Could not resolve"),
            marker(FailureLayer.WIRING, "network timeout", "i/o timeout|Connect(ion)? timed out"
                    + "|ConnectTimeout(Error|Exception)?|No route to host|Network is unreachable"),
            marker(FailureLayer.CAPACITY, "Spot interruption", "SpotInterruption|TerminationNotice"),
            marker(FailureLayer.CAPACITY, "no capacity", "Capacity is unavailable|RESOURCE:(CPU|MEMORY|ENI)"
                    + "|insufficient capacity|ResourceInitializationError: failed to provision"),
            marker(FailureLayer.CAPACITY, "out of memory", "OutOfMemory(Error)?|killed due to memory usage"),
            marker(FailureLayer.ARTIFACT, "CannotPullContainerError", "CannotPullContainerError|manifest unknown"
                    + "|CannotInspectContainerError|CannotStartContainerError"),
            marker(FailureLayer.ARTIFACT, "missing dependency", "ModuleNotFoundError|No module named|ImportError"
                    + "|ClassNotFoundException|NoClassDefFoundError|cannot open shared object file"),
            marker(FailureLayer.ARTIFACT, "missing executable", "executable file not found|exec format error"
                    + "|command not found"));

    /** What was refused: IAM's "… is not authorized to perform: X on resource: ARN", else a data-plane ARN. */
    private static final Pattern REFUSED = Pattern.compile("on resource:? \"?(arn:[^\\s\"'(),]+)");
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:(ssm|s3|ecr|secretsmanager|kms|logs)"
            + ":[^\\s\"'(),]*");
    private static final Pattern S3_URI = Pattern.compile("s3://[^\\s\"'(),]+");
    private static final Pattern MODULE = Pattern.compile("No module named '([A-Za-z0-9_.]+)'"
            + "|(?:ClassNotFoundException|NoClassDefFoundError):? ([A-Za-z0-9_.$/]+)");
    private static final Pattern HOST_PORT = Pattern.compile("\\b((?:localhost|[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)"
            + ":\\d{2,5})\\b");

    private FailureClassifier() {
    }

    private static Marker marker(FailureLayer layer, String label, String regex) {
        return new Marker(layer, label, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    /**
     * @param texts    what ECS said (stop code, stop reason, container reasons) and the last log lines
     * @param exitCode the essential container's exit code, when it ran
     */
    public static Classification classify(List<String> texts, OptionalInt exitCode) {
        for (Marker marker : MARKERS) {
            for (String text : texts) {
                if (text != null && marker.pattern().matcher(text).find()) {
                    return new Classification(marker.layer(), marker.label(), subject(marker.layer(), text));
                }
            }
        }
        if (exitCode.isPresent() && exitCode.getAsInt() == 127) {
            return new Classification(FailureLayer.ARTIFACT, "exit 127 (command not found)", Optional.empty());
        }
        if (exitCode.isPresent() && exitCode.getAsInt() == 137) {
            return new Classification(FailureLayer.CAPACITY, "exit 137 (killed, usually out of memory)",
                    Optional.empty());
        }
        return Classification.unclassified();
    }

    /** What the line names as refused or missing; only shapes that cannot carry a credential are taken. */
    static Optional<String> subject(FailureLayer layer, String text) {
        return switch (layer) {
            case IDENTITY -> first(text, REFUSED, 1).or(() -> first(text, ARN, 0)).or(() -> first(text, S3_URI, 0));
            case ARTIFACT -> first(text, MODULE, 1).or(() -> first(text, MODULE, 2));
            case WIRING -> first(text, HOST_PORT, 1);
            default -> Optional.empty();
        };
    }

    private static Optional<String> first(String text, Pattern pattern, int group) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String found = m.group(group);
            if (found != null && !found.isEmpty()) {
                return Optional.of(found.replaceAll("[.;:]+$", ""));
            }
        }
        return Optional.empty();
    }
}
