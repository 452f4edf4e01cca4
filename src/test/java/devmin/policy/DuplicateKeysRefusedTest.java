package devmin.policy;

import com.fasterxml.jackson.databind.node.TextNode;
import devmin.policy.iam.PolicyStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static devmin.policy.Views.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A key twice in one object is ambiguous (RFC 8259 section 4: names "SHOULD be unique", and readers then differ; YAML
 * 1.2 section 3.2.1.1: mapping keys are unique): every input devmin reads refuses it, naming the key and the line.
 */
class DuplicateKeysRefusedTest {

    @Test
    void aWaiversFileWithARepeatedKeyIsRefusedSoASecondExpiryCannotReviveAWaiver(@TempDir Path dir) throws Exception {
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, """
                waivers:
                  - rule: DM-COST-002
                    resource: "urn:pulumi:dev-min::devmin::*::demo-alb"
                    reason: "partner demo"
                    owner: platform-team
                    expires: 2026-11-01
                    expires: 2027-11-01
                """);

        assertThatThrownBy(() -> PolicyConfig.loadWaivers(waivers))
                .isInstanceOf(PolicyConfig.PolicyConfigException.class)
                .hasMessageStartingWith(waivers + ": the key 'expires' appears twice in one object at line 7")
                .hasMessageContaining("could revive an expired waiver");
    }

    @Test
    void aWaiversFileThatIsNotYamlIsStillSaidSo(@TempDir Path dir) throws Exception {
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, "waivers: [unclosed\n");

        assertThatThrownBy(() -> PolicyConfig.loadWaivers(waivers)).hasMessage(waivers + ": not valid YAML");
    }

    @Test
    void aPolicyPackConfigWithARepeatedKeyIsRefused(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"no-load-balancer\": \"advisory\",\n \"no-load-balancer\": \"mandatory\"}");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"no-load-balancer\": ");

        assertThatThrownBy(() -> PolicySetup.engine(dir.resolve("none.yaml"), config, LocalDate.of(2026, 12, 6)))
                .hasMessage(config + ": the key 'no-load-balancer' appears twice in one object at line 2, so the"
                        + " document is ambiguous (refused)");
        assertThatThrownBy(() -> PolicySetup.engine(dir.resolve("none.yaml"), broken, LocalDate.of(2026, 12, 6)))
                .hasMessage(broken + ": not valid JSON or YAML");
    }

    @Test
    void aPolicyDocumentWithARepeatedKeyCannotBeReadAndSaysWhich() {
        var doubled = TextNode.valueOf(Views.json("{'Statement':[{'Effect':'Deny','Effect':'Allow','Action':'*',"
                + "'Resource':'*'}]}"));

        assertThat(PolicyStatements.opacity(doubled)).contains("the key 'Effect' appears twice in one object at"
                + " line 1, so the document is ambiguous");
        assertThat(PolicyStatements.parse(doubled)).isEmpty();
        assertThat(Values.tree(doubled)).isEmpty();
        assertThat(Values.ambiguity(TextNode.valueOf("{\"a\":1}"))).isEmpty();
        assertThat(Values.ambiguity(TextNode.valueOf("{not json"))).isEmpty();
        assertThat(Values.ambiguity(tree("{'a':1}"))).isEmpty();
        assertThat(Values.ambiguity(tree("'[unknown]'"))).isEmpty();
        assertThat(Values.ambiguity(null)).isEmpty();
    }
}
