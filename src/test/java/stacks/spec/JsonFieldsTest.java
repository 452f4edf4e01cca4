package stacks.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typed fields of one config object: an absent field takes its default, a malformed one is an error naming the full
 * key, the value as typed and what was expected (Pulumi config values arrive as JSON, strings included).
 */
class JsonFieldsTest {

    static final Pattern NAME = Pattern.compile("[a-z]+");

    Problems problems = new Problems(key -> key.equals("devmin:confluent"));

    JsonFields fields(String path, String json) {
        try {
            JsonNode node = new ObjectMapper().readTree(json.replace('\'', '"'));
            return new JsonFields(node, path, problems);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aBooleanIsTrueOrFalseAsJsonOrAsText() {
        JsonFields f = fields("devmin:database", "{'a':true,'b':false,'c':'true','d':'false','e':null}");

        assertThat(f.bool("a", false)).isTrue();
        assertThat(f.bool("b", true)).isFalse();
        assertThat(f.bool("c", false)).isTrue();
        assertThat(f.bool("d", true)).isFalse();
        assertThat(f.bool("e", true)).as("null takes the default").isTrue();
        assertThat(f.bool("absent", true)).isTrue();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void anythingElseForABooleanIsAnErrorAndKeepsTheDefault() {
        JsonFields f = fields("devmin:database", "{'enabled':'yes'}");

        assertThat(f.bool("enabled", false)).isFalse();
        assertThat(fields("devmin:database", "{'enabled':'yes'}").bool("enabled", true)).isTrue();
        assertThat(problems.errors().get(0)).isEqualTo(new SpecError("devmin:database.enabled", "'yes'",
                "true or false"));
    }

    @Test
    void aRequiredTextThatIsAbsentIsMissingAndOneOfTheWrongTypeIsInvalid() {
        JsonFields f = fields("devmin:image", "{'tag':['x']}");

        assertThat(f.requiredText("repository", NAME, "a name")).isEmpty();
        assertThat(f.text("tag", NAME, "a name")).isEmpty();
        assertThat(problems.errors()).containsExactly(
                new SpecError("devmin:image.repository", "<missing>", "a name"),
                new SpecError("devmin:image.tag", "'[\"x\"]'", "a name"));
    }

    @Test
    void anAbsentDecimalIsMissing() {
        assertThat(fields("devmin:budget", "{}").decimal("monthlyLimit", "an amount")).isEmpty();

        assertThat(problems.errors()).containsExactly(new SpecError("devmin:budget.monthlyLimit", "<missing>",
                "an amount"));
    }

    @Test
    void aListFieldThatIsNotAListIsInvalid() {
        assertThat(fields("devmin:ci", "{'branches':'main'}").list("branches")).isEmpty();

        assertThat(problems.errors()).containsExactly(new SpecError("devmin:ci.branches", "'\"main\"'", "a list"));
    }

    @Test
    void aFieldsKeyIsItsObjectsPathAndTheFieldAndItsPathIsKept() {
        JsonFields f = fields("devmin:lanes[2]", "{}");

        assertThat(f.path()).isEqualTo("devmin:lanes[2]");
        assertThat(f.key("cpu")).isEqualTo("devmin:lanes[2].cpu");
    }

    @Test
    void anInvalidValueUnderASecretKeyIsNeverShown() {
        fields("devmin:confluent", "{'apiSecret':42}").text("apiSecret", NAME, "a name");

        assertThat(problems.errors()).containsExactly(new SpecError("devmin:confluent.apiSecret", "<secret>",
                "a name"));
    }
}
