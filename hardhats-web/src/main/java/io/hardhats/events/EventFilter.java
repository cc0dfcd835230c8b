package io.hardhats.events;

import jakarta.persistence.criteria.Predicate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hardhats.web.Cursor;
import org.springframework.data.jpa.domain.Specification;

/** The events list's filters and keyset position as one query condition (tenancy is added by Hibernate). */
public record EventFilter(UUID cameraId, ViolationType violationType, Boolean acknowledged, Instant from, Instant to,
        Cursor after) {

    public Specification<Event> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (cameraId != null) {
                predicates.add(cb.equal(root.get("cameraId"), cameraId));
            }
            if (violationType != null) {
                predicates.add(cb.equal(root.get("violationType"), violationType));
            }
            if (acknowledged != null) {
                predicates.add(cb.equal(root.get("acknowledged"), acknowledged));
            }
            if (from != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("createdAt"), from));
            }
            if (to != null) {
                predicates.add(cb.lessThan(root.get("createdAt"), to));
            }
            if (after != null) {
                predicates.add(after.olderRows(root, cb));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
