package stacks.spec;

/**
 * Where the Confluent Cloud Basic cluster lives.
 *
 * @param cloud          AWS, GCP or AZURE
 * @param region         the cloud region, e.g. eu-west-2
 * @param readinessTopic a catalog topic used for the preflight produce/consume probe; empty for none
 */
public record ConfluentSpec(String cloud, String region, String readinessTopic) {
}
