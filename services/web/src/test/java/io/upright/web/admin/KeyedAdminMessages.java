package io.upright.web.admin;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The admin console's words as each message's key and arguments, so a test sees which one was chosen with what. */
final class KeyedAdminMessages {

    static final AdminMessages TEXTS = (AdminMessages) Proxy.newProxyInstance(AdminMessages.class.getClassLoader(),
            new Class<?>[]{AdminMessages.class}, (proxy, method, args) -> method.getName()
                    + (args == null ? "" : Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(",", "(", ")"))));

    private KeyedAdminMessages() {
    }
}
