package org.dudao.support;

import java.util.Arrays;
import java.util.stream.Stream;
import org.dudao.DudaoApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Another node of the cluster on the test's database (already migrated and seeded: no demo data, no Flyway). */
public final class ClusterNode {

    private ClusterNode() {}

    /** Starts a node; {@code sources} add beans of the test, {@code args} (--name=value) outrank the profiles' files. */
    public static ConfigurableApplicationContext start(Environment test, Class<?>[] sources, String... args) {
        String[] profiles = Arrays.stream(test.getActiveProfiles())
                .filter(p -> !p.equals("demo"))
                .toArray(String[]::new);
        Class<?>[] all = Stream.concat(Stream.of(DudaoApplication.class), Arrays.stream(sources))
                .toArray(Class<?>[]::new);
        String[] common = {
            "--server.port=0",
            "--spring.main.lazy-initialization=true",
            "--spring.flyway.enabled=false",
            "--dudao.rectification.drafting-retry.enabled=false",
            "--spring.datasource.url=" + test.getProperty("spring.datasource.url")
        };
        return new SpringApplicationBuilder(all)
                .profiles(profiles)
                .run(Stream.concat(Arrays.stream(common), Arrays.stream(args)).toArray(String[]::new));
    }

    /** The node's REST API as the demo users call it (MockMvc on the node's own context and security). */
    public static Api api(ConfigurableApplicationContext node) {
        return new Api(MockMvcBuilders.webAppContextSetup((WebApplicationContext) node)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build());
    }
}
