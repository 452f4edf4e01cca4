package stacks.spec;

/**
 * The single platform image, pinned by digest; the tag is kept for humans and for the ECR tag check.
 *
 * @param repository ECR repository name
 * @param tag        {@code git-<40 hex>}
 * @param digest     {@code sha256:<64 hex>}
 */
public record ImageSpec(String repository, String tag, String digest) {
}
