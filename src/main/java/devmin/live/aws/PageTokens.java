package devmin.live.aws;

import devmin.evidence.ResultMembers;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkResponse;

import java.util.List;
import java.util.Optional;

/** The token a page of a paginated answer hands back for the next page, whatever the service calls it. */
public final class PageTokens {

    /**
     * EC2, SSM: NextToken; ECS, Logs: nextToken; ELB: NextMarker; IAM, RDS: Marker; Tagging: PaginationToken; S3
     * ListObjectsV2: NextContinuationToken.
     */
    static final List<String> NAMES = List.of("NextToken", "nextToken", "NextMarker", "Marker", "PaginationToken",
            "NextContinuationToken");

    private PageTokens() {
    }

    /** The next-page token of {@code page}, empty on the last page (no token, or an empty one). */
    public static Optional<String> next(SdkResponse page) {
        for (String name : NAMES) {
            Optional<SdkField<?>> field = ResultMembers.field(page, name);
            if (field.isPresent() && field.get().getValueOrDefault(page) instanceof String token && !token.isEmpty()) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }
}
