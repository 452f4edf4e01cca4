package devmin.live.teardown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;

import java.util.List;
import java.util.Optional;

/**
 * The inventory a teardown proof starts from, and where it came from: a pre-destroy snapshot's record of the stack's
 * state, or none (then the proof says it is weaker: only the tag and name sweeps stand between a leftover and a pass).
 *
 * @param state    the state's demo inventory, when there is one
 * @param source   where it was read ({@code runs/…/pre_destroy_snapshot.json}, {@code s3://…}), or why there is none
 * @param apiCalls the calls made to find it (the bucket listing and read), for the verdict's call count
 * @param problem  why an inventory that should exist could not be used (a snapshot without one, an unreadable
 *                 object): the proof is then unverified, never a pass on the sweeps alone
 */
public record ProofInventory(Optional<StateInventory> state, String source, List<String> apiCalls,
                             Optional<String> problem) {

    public ProofInventory {
        apiCalls = List.copyOf(apiCalls);
    }

    public static ProofInventory of(StateInventory state, String source, List<String> apiCalls) {
        return new ProofInventory(Optional.of(state), source, apiCalls, Optional.empty());
    }

    /** No inventory exists: the proof still sweeps, and says it is weaker. */
    public static ProofInventory none(String why, List<String> apiCalls) {
        return new ProofInventory(Optional.empty(), why, apiCalls, Optional.empty());
    }

    /** An inventory should be there but cannot be used. */
    public static ProofInventory unusable(String source, String problem, List<String> apiCalls) {
        return new ProofInventory(Optional.empty(), source, apiCalls, Optional.of(problem));
    }

    /**
     * The inventory a pre-destroy snapshot verdict records.
     *
     * @throws IllegalArgumentException naming the key and what was expected when the document is not a snapshot of
     *                                  {@code stack}, or records no inventory (a snapshot taken without --state)
     */
    public static StateInventory fromSnapshot(JsonNode snapshot, String stack, String source) {
        String schema = snapshot.path("schema").asText("");
        if (!schema.equals(TeardownProof.SNAPSHOT_SCHEMA)) {
            throw new IllegalArgumentException(source + ": schema: got '" + schema + "', expected '"
                    + TeardownProof.SNAPSHOT_SCHEMA + "' (a 'devmin snapshot pre-destroy' verdict)");
        }
        JsonNode inventory = snapshot.get("inventory");
        if (inventory == null || inventory.isNull()) {
            throw new IllegalArgumentException(source + ": inventory: got nothing, expected the state's inventory"
                    + " (take the snapshot with --state FILE)");
        }
        return StateInventory.fromJson(inventory, stack, source + ": inventory");
    }

    /** The verdict's line about it: pass with or without an inventory, unverified when it could not be used. */
    CheckResult check(String region) {
        if (problem.isPresent()) {
            return new CheckResult("inventory", region, CheckStatus.UNVERIFIED, source + ": " + problem.get(),
                    apiCalls, List.of());
        }
        String message = state.map(s -> s.demo().size() + " demo resource(s) and " + s.persistentRoleNames().size()
                + " persistent role name(s) from " + source + "; each proven gone by id")
                .orElse("no inventory (" + source + "): weaker proof, by the tag and name sweeps only");
        return new CheckResult("inventory", region, CheckStatus.PASS, message, apiCalls, List.of());
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("source", source);
        node.put("proof", state.isPresent() ? "by-id" : "sweep-only");
        node.put("resources", state.map(s -> s.demo().size()).orElse(0));
        return node;
    }
}
