package io.upright.platform.identity;

/** The role groups a token can carry in its {@code groups} claim. */
public final class Roles {
    public static final String EMPLOYEE = "employee";
    public static final String HR = "hr";
    public static final String ADMIN = "admin";
    public static final String CONTENT_EDITOR = "content-editor";

    private Roles() {
    }
}
