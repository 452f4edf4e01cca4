package devmin.live;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What IAM action a request on the wire asks for, read from the request alone: the service from the SigV4 credential
 * scope of its Authorization header (the signing name), the operation from its X-Amz-Target header (JSON protocol),
 * its form's Action (query protocol), or its method and path (S3 and Access Analyzer's REST). A request this cannot
 * name is reported, never skipped.
 */
public final class WireOperations {

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/[^/]+/([^/]+)/aws4_request");
    private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z0-9]+)");
    /** Signing names that differ from the IAM service prefix (Service Authorization Reference). */
    private static final Map<String, String> IAM_PREFIX = Map.of("tagging", "tag");

    private WireOperations() {
    }

    /** The IAM action of the request, or empty when it cannot be named. */
    public static Optional<String> iamAction(LoggedRequest request) {
        Matcher scope = SCOPE.matcher(String.valueOf(request.getHeader("Authorization")));
        if (!scope.find()) {
            return Optional.empty();
        }
        String service = IAM_PREFIX.getOrDefault(scope.group(1), scope.group(1));
        return operation(service, request).map(op -> service + ":" + op);
    }

    private static Optional<String> operation(String service, LoggedRequest request) {
        String target = request.getHeader("X-Amz-Target");
        if (target != null && target.contains(".")) {
            return Optional.of(target.substring(target.lastIndexOf('.') + 1));
        }
        String method = request.getMethod().value();
        if (service.equals("s3")) {
            long slashes = request.getUrl().split("\\?", -1)[0].chars().filter(c -> c == '/').count();
            return switch (method) {
                case "HEAD" -> Optional.of(slashes == 1 ? "ListBucket" : "GetObject");  // HeadBucket, HeadObject
                case "PUT" -> slashes > 1 ? Optional.of("PutObject") : Optional.empty();
                case "GET" -> Optional.of(slashes == 1 ? "ListBucket" : "GetObject");
                default -> Optional.empty();
            };
        }
        if (service.equals("access-analyzer") && request.getUrl().startsWith("/policy/check-access-not-granted")) {
            return Optional.of("CheckAccessNotGranted");
        }
        Matcher action = ACTION.matcher(URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8));
        return action.find() ? Optional.of(action.group(1)) : Optional.empty();
    }
}
