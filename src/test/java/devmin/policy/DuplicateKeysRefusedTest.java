package devmin.policy;

import com.fasterxml.jackson.databind.node.TextNode;
import devmin.policy.iam.PolicyStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

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
    void aWaiversFileIsReadEntryByEntryAndEachMissingOrBadFieldIsNamed(@TempDir Path dir) throws Exception {
        Path waivers = dir.resolve("waivers.yaml");
        String entry = "waivers:\n  - rule: DM-COST-002\n    resource: r\n    reason: demo\n    owner: team\n";
        Files.writeString(waivers, entry + "    expires: 2026-12-31\n");
        assertThat(PolicyConfig.loadWaivers(waivers)).containsExactly(new Waiver("DM-COST-002", "r", "demo", "team",
                LocalDate.of(2026, 12, 31)));
        Files.writeString(waivers, entry + "    expires: soon\n");
        assertThatThrownBy(() -> PolicyConfig.loadWaivers(waivers)).hasMessage(waivers
                + ": waivers[0].expires: got 'soon', expected a date YYYY-MM-DD");
        Files.writeString(waivers, entry.replace("    owner: team\n", "") + "    expires: 2026-12-31\n");
        assertThatThrownBy(() -> PolicyConfig.loadWaivers(waivers)).hasMessage(waivers + ": waivers[0].owner is missing");
        Files.writeString(waivers, "waivers: none\n");
        assertThatThrownBy(() -> PolicyConfig.loadWaivers(waivers)).hasMessage(waivers + ": 'waivers' must be a list");
        Files.writeString(waivers, "");
        assertThat(PolicyConfig.loadWaivers(waivers)).isEmpty();
        Files.writeString(waivers, "other: 1\n");
        assertThat(PolicyConfig.loadWaivers(waivers)).isEmpty();
        assertThat(PolicyConfig.loadWaivers(dir.resolve("missing.yaml"))).isEmpty();
    }

    @Test
    void aPolicyPackConfigSetsLevelsAndCarriesWaivers(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                no-load-balancer: advisory
                waivers-are-valid:
                  waivers:
                    - rule: DM-COST-002
                      resource: x
                      reason: demo
                      owner: team
                      expires: 2026-12-31
                """);
        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "- 1\n");

        PolicyEngine engine = PolicySetup.engine(dir.resolve("none.yaml"), config, LocalDate.of(2026, 12, 6));
        assertThat(engine.evaluate(List.of(Views.demo("aws:lb/loadBalancer:LoadBalancer", "lb", Views.props())))
                .findings()).filteredOn(f -> f.ruleId().equals("DM-COST-002"))
                .allSatisfy(f -> assertThat(f.enforcement()).isEqualTo(Enforcement.ADVISORY)).isNotEmpty();
        assertThatThrownBy(() -> PolicySetup.engine(dir.resolve("none.yaml"), list, LocalDate.of(2026, 12, 6)))
                .hasMessage(list + ": expected an object of rule settings");
        assertThatThrownBy(() -> PolicySetup.engine(dir.resolve("none.yaml"), dir.resolve("no.yaml"),
                LocalDate.of(2026, 12, 6))).hasMessageEndingWith("no.yaml: file not found");
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
