package devmin.policy.kinds;

/**
 * Pulumi type tokens, {@code package:module:Type}: pulumi-aws spells the module {@code ec2/natGateway}
 * ({@code aws:ec2/natGateway:NatGateway}), aws-native plainly ({@code aws-native:ec2:NatGateway}), awsx's classic
 * components with an extra segment ({@code awsx:x:ec2:Vpc}).
 */
public final class TypeToken {

    private TypeToken() {
    }

    public static String provider(String type) {
        int colon = type.indexOf(':');
        return colon < 0 ? type : type.substring(0, colon);
    }

    /** The module: {@code ec2} for all three spellings above. */
    public static String module(String type) {
        String[] parts = type.split(":", -1);
        if (parts.length < 3) {
            return "";
        }
        String module = parts.length > 3 && parts[1].equals("x") ? parts[2] : parts[1];
        int slash = module.indexOf('/');
        return slash < 0 ? module : module.substring(0, slash);
    }

    /** The type of the resource a URN names: the last entry of its type chain ({@code parent$type}). */
    public static String ofUrn(String urn) {
        int end = urn.lastIndexOf("::");
        int start = urn.lastIndexOf("::", end - 1);
        if (end < 0 || start < 0) {
            return "";
        }
        String chain = urn.substring(start + 2, end);
        return chain.substring(chain.lastIndexOf('$') + 1);
    }
}
