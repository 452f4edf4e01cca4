package devmin.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds the engine every enforcement point uses, from the waivers file and an optional policy-pack config file. */
public final class PolicySetup {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(devmin.policy.input.DuplicateKeys.REFUSED);

    private PolicySetup() {
    }

    /**
     * @param waiversFile  {@code policies/waivers.yaml} (a missing file means no waivers)
     * @param configFile   a Pulumi policy-pack config (JSON or YAML), or null
     */
    public static PolicyEngine engine(Path waiversFile, Path configFile, LocalDate today)
            throws PolicyConfig.PolicyConfigException {
        List<Waiver> waivers = new ArrayList<>(PolicyConfig.loadWaivers(waiversFile));
        PolicyConfig config = PolicyConfig.none();
        if (configFile != null) {
            JsonNode root = read(configFile);
            config = config.withEnforcement(PolicyConfig.parseEnforcement(root, configFile.toString()));
            waivers.addAll(PolicyConfig.parseWaivers(root.get("waivers"), configFile.toString()));
            // the policy-pack config shape: {"waivers-are-valid": {"waivers": [...]}}
            waivers.addAll(PolicyConfig.parseWaivers(root.path("waivers-are-valid").get("waivers"),
                    configFile.toString()));
        }
        return new PolicyEngine(RulePack.devmin(), config.withWaivers(waivers), today);
    }

    private static JsonNode read(Path file) throws PolicyConfig.PolicyConfigException {
        if (!Files.isRegularFile(file)) {
            throw new PolicyConfig.PolicyConfigException(file + ": file not found");
        }
        try {
            JsonNode root = YAML.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new PolicyConfig.PolicyConfigException(file + ": expected an object of rule settings");
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PolicyConfig.PolicyConfigException(file + ": " + devmin.policy.input.DuplicateKeys.describe(e)
                    .map(d -> d + " (refused)").orElse("not valid JSON or YAML"));
        } catch (IOException e) {
            throw new PolicyConfig.PolicyConfigException(file + ": not valid JSON or YAML");
        }
    }
}
