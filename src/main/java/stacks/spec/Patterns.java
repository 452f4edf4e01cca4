package stacks.spec;

import java.util.regex.Pattern;

/** The formats the spec accepts, each with the wording used in error messages. */
final class Patterns {

    static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
    static final String AWS_REGION_TEXT = "an AWS region such as eu-west-2";
    static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    static final String ACCOUNT_ID_TEXT = "a 12-digit AWS account id";
    static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9_]{1,30}");
    static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._:/=+@-]{0,63}");
    static final Pattern GITHUB_SLUG = Pattern.compile("([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([A-Za-z0-9._-]{1,100})");
    static final String GITHUB_SLUG_TEXT = "a fixed GitHub owner/repo such as example-org/fraud-platform (no wildcards)";
    static final Pattern GIT_REF = Pattern.compile("refs/(heads|tags)/[A-Za-z0-9._/-]+");
    static final Pattern GITHUB_OIDC_PROVIDER_ARN = Pattern.compile(
            "arn:aws:iam::(\\d{12}):oidc-provider/token\\.actions\\.githubusercontent\\.com");
    static final Pattern GITHUB_ENVIRONMENT = Pattern.compile("[A-Za-z0-9._-]{1,255}");
    static final Pattern ECR_REPOSITORY = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*");
    static final Pattern IMAGE_TAG = Pattern.compile("git-[0-9a-f]{40}");
    static final Pattern IMAGE_DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    static final Pattern LANE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,22}");
    static final String LANE_NAME_TEXT = "a lane name of 1-23 characters: lower-case letters, digits and '-', starting with a letter";
    static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    static final String KAFKA_TOPIC_TEXT = "a Kafka topic name: 1-249 of [a-zA-Z0-9._-], not '.' or '..'";
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final Pattern CONFLUENT_CLOUD = Pattern.compile("AWS|GCP|AZURE");
    static final Pattern CLOUD_REGION = Pattern.compile("[a-z0-9-]{3,32}");
    static final Pattern COMMAND_PART = Pattern.compile("\\S.*", Pattern.DOTALL);
    static final Pattern ANY_TEXT = Pattern.compile(".+", Pattern.DOTALL);
    static final Pattern S3_PREFIX = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*/");
    static final Pattern RDS_CLASS = Pattern.compile("db\\.[a-z0-9]+\\.[a-z0-9]+");

    private Patterns() {
    }
}
