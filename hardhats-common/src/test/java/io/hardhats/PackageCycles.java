package io.hardhats;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.net.URISyntaxException;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;

/**
 * Keeps the feature packages of one module ({@code io.hardhats.cameras}, {@code io.hardhats.auth},
 * ...) free of cycles, so each can be read, changed and moved without the others. A module's own
 * classes are checked, not those of the modules it depends on: each module keeps its own rooms.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /** Fails, naming the packages and the dependencies that close it, on any cycle among the module's packages. */
    public static void assertNone(Class<?> anyClassOfTheModule) {
        slices().matching("io.hardhats.(*)..").should().beFreeOfCycles().check(classesOf(anyClassOfTheModule));
    }

    private static JavaClasses classesOf(Class<?> anyClassOfTheModule) {
        try {
            Location module = Location.of(anyClassOfTheModule.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new ClassFileImporter().importLocations(Set.of(module));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + anyClassOfTheModule, e);
        }
    }
}
