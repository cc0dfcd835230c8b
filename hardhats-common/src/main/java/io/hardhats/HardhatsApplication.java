package io.hardhats;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one Spring Boot application. Which parts it runs depends on the modules on the class path
 * (web, worker or both) and on {@code HARDHATS_ROLE}; see {@code WebMain}, {@code WorkerMain}
 * and {@code AllInOneMain}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HardhatsApplication {

    /** Runs the application with {@code HARDHATS_ROLE} defaulting to the given role. */
    public static void launch(String defaultRole, String[] args) {
        if (System.getenv("HARDHATS_ROLE") == null && System.getProperty("HARDHATS_ROLE") == null) {
            System.setProperty("HARDHATS_ROLE", defaultRole);
        }
        org.springframework.boot.SpringApplication.run(HardhatsApplication.class, args);
    }
}
