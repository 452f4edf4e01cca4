package stacks.spec;

/**
 * The optional demo-window PostgreSQL database.
 *
 * @param enabled            declare the database in the demo layer
 * @param instanceClass      RDS instance class
 * @param allocatedStorageGb storage in GiB
 */
public record DatabaseSpec(boolean enabled, String instanceClass, int allocatedStorageGb) {
}
