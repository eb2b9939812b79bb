package io.upright.insights;

/**
 * A CDI event: something insights' figures are computed from changed for a tenant (or for every tenant, when
 * {@code tenant} is null: a replay rebuilt the read model). Fired inside the writing transaction; views computed
 * from the read model ({@code programs/ProgramViewCache}) observe it, so writers need not know who keeps what.
 */
public record ReadModelChanged(String tenant) {

    public static ReadModelChanged everyTenant() {
        return new ReadModelChanged(null);
    }
}
