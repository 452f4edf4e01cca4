package stacks.spec;

import software.amazon.awssdk.regions.Region;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The regions the AWS SDK for Java v2 knows ({@link Region#regions()}, generated from the SDK's endpoint metadata, so
 * a new region arrives with an SDK upgrade), without the SDK's global pseudo-regions such as {@code aws-global}. A
 * region outside this list cannot be deployed to by this program's providers or checked by its live commands.
 */
public final class AwsRegions {

    private static final List<String> KNOWN = Region.regions().stream().filter(r -> !r.isGlobalRegion())
            .map(Region::id).sorted().toList();

    private AwsRegions() {
    }

    public static List<String> known() {
        return KNOWN;
    }

    public static boolean isKnown(String region) {
        return KNOWN.contains(region);
    }

    /** What to say when a region is not known: the likely typo first, else where the list comes from. */
    static String expected(String region, String example) {
        return DidYouMean.closest(region, KNOWN).map(match -> "a region the AWS SDK knows; did you mean " + match + "?")
                .orElse("a region the AWS SDK knows, such as " + example + " (" + KNOWN.size() + " known, e.g. "
                        + String.join(", ", KNOWN.subList(0, Math.min(4, KNOWN.size()))) + ", …)");
    }

    /**
     * The priced region nearest by name to {@code region}: the same area code ({@code eu}, {@code us}, {@code ap}…)
     * and direction first, then the same area code, then the first priced region. A name is no measure of distance in
     * kilometres; it is what the SDK's metadata offers offline.
     */
    public static Optional<String> nearestPriced(String region, Collection<String> priced) {
        String[] parts = region.split("-", -1);
        List<String> sorted = priced.stream().sorted().toList();
        return sorted.stream().filter(p -> parts.length > 1 && p.startsWith(parts[0] + "-" + parts[1] + "-"))
                .findFirst()
                .or(() -> sorted.stream().filter(p -> p.startsWith(parts[0] + "-")).findFirst())
                .or(() -> sorted.stream().findFirst());
    }
}
