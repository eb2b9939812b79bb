package io.upright.platform.identity;

/** The role groups a token can carry in its {@code groups} claim. */
public final class Roles {
    public static final String EMPLOYEE = "employee";
    public static final String HR = "hr";
    public static final String ADMIN = "admin";
    public static final String CONTENT_EDITOR = "content-editor";
    /**
     * Runs the platform, not a tenant: replays read models and redrives dead letters, which reach every tenant's data
     * flow. No tenant's admin has it or can grant it; its tokens come from the operators' identity provider (locally,
     * {@code ./upright token --role operator}). Operator endpoints live under {@code /api/operator}.
     */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
