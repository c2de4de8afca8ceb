package org.camelbigmarker.jbang;

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/** `camel` as the Camel JBang launcher runs it: camel-jbang-core has no main class of its own. */
public final class CamelRunMain {

    private CamelRunMain() {
    }

    public static void main(String[] args) {
        CamelJBangMain.run(args);
    }
}
