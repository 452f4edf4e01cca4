package devmin.plan.cost;

/**
 * What one run of a job lane costs. A job keeps no task running, so it is not part of an open window's hourly cost;
 * it costs only when it is run ({@code devmin run <lane>}, or {@code devmin readiness} for a probe).
 *
 * @param lane        the job lane's name
 * @param probe       a readiness probe (run once by each {@code devmin readiness})
 * @param runMinutes  how long the run is assumed to take
 * @param runTimeFrom where {@code runMinutes} comes from
 * @param line        the run's cost line (amount: per run)
 */
public record JobRunCost(String lane, boolean probe, double runMinutes, RunTimeFrom runTimeFrom, CostLine line) {

    /** Where a job's run time comes from. */
    public enum RunTimeFrom {
        /** The lane's {@code runMinutes} in the stack config. */
        LANE("lane", "the lane's runMinutes"),
        /** The price table's assumption {@value CostModel#JOB_RUN_MINUTES}, for a lane that states no run time. */
        PRICE_TABLE("price_table", "the price table's assumption " + CostModel.JOB_RUN_MINUTES);

        private final String wireName;
        private final String description;

        RunTimeFrom(String wireName, String description) {
            this.wireName = wireName;
            this.description = description;
        }

        /** How JSON names it: {@code lane} or {@code price_table}. */
        public String wireName() {
            return wireName;
        }

        public String description() {
            return description;
        }
    }
}
