package io.upright.assessments.campaign;

/**
 * How much of a team has answered a campaign: of the team's known employees, how many submitted an assessment of
 * the campaign's template since it started. Below the anonymity threshold nothing is shown, not even the team
 * size: with a handful of people a count points at individuals. The threshold is the largest of the legal floor
 * (5), the service's configured one and the tenant's own {@code k}, set by its admin in insights.
 *
 * @param employees the team's known employees (null when suppressed)
 * @param submitted how many of them submitted since the campaign started (null when suppressed)
 * @param percent   {@code submitted / employees}, rounded down to a whole percent (null when suppressed)
 */
public record Coverage(Integer employees, Integer submitted, Integer percent, boolean suppressed) {

    /** The legal floor of the threshold: configuration may raise it, never lower it. */
    public static final int MINIMUM_THRESHOLD = 5;

    public static int effectiveThreshold(int configured) {
        return Math.max(MINIMUM_THRESHOLD, configured);
    }

    /**
     * The threshold in force for a tenant: its own {@code k} when that is stricter than the service's, never lower.
     *
     * @param tenantThreshold the tenant's k, null while its admin has set none
     */
    public static int effectiveThreshold(int configured, Integer tenantThreshold) {
        int service = effectiveThreshold(configured);
        return tenantThreshold == null ? service : Math.max(service, tenantThreshold);
    }

    public static Coverage of(int employees, int submitted, int configuredThreshold) {
        return of(employees, submitted, configuredThreshold, null);
    }

    /** @param tenantThreshold the tenant's k, null while its admin has set none */
    public static Coverage of(int employees, int submitted, int configuredThreshold, Integer tenantThreshold) {
        if (employees < effectiveThreshold(configuredThreshold, tenantThreshold)) {
            return new Coverage(null, null, null, true);
        }
        int bounded = Math.min(submitted, employees);
        return new Coverage(employees, bounded, bounded * 100 / employees, false);
    }
}
