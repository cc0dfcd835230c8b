package io.hardhats.organizations;

import jakarta.validation.Valid;

import io.hardhats.storage.StorageUsage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own organisation: admins and managers read it, admins change it. */
@RestController
@RequestMapping("/api/v1/organization")
public class OrganizationController {

    private final OrganizationService organizations;

    public OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    public OrganizationView get() {
        return organizations.get();
    }

    /** Bytes stored by kind, the plan's limit and the event count, read from indexes. */
    @GetMapping("/storage")
    public StorageUsage storage() {
        return organizations.storage();
    }

    @PutMapping
    public OrganizationView update(@Valid @RequestBody OrganizationUpdate request) {
        return organizations.update(request);
    }
}
