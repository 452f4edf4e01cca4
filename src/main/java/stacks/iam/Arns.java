package stacks.iam;

/** ARN formats the environment derives from names, in one place. */
public final class Arns {

    private Arns() {
    }

    /** {@code arn:aws:iam::<account>:role/<name>}: what IAM gives a role created with that name. */
    public static String role(String accountId, String roleName) {
        return "arn:aws:iam::" + accountId + ":role/" + roleName;
    }
}
