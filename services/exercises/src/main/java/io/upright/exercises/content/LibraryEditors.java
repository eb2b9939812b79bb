package io.upright.exercises.content;

import io.upright.exercises.ContentConfig;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The library is shared by every tenant, so only Upright's own content team — content editors of the library
 * tenant — may read drafts or change it. A customer's content-editor role grants nothing here.
 */
@RequestScoped
public class LibraryEditors {

    @Inject
    CurrentUser user;

    @Inject
    ContentConfig config;

    public void requireLibraryTeam() {
        if (!config.libraryTenant().equals(user.tenant())) {
            throw ProblemException.forbidden("The exercise library is edited by Upright's content team only");
        }
    }
}
