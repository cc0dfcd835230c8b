package io.hardhats.events;

import jakarta.persistence.criteria.Predicate;

import java.util.List;
import java.util.UUID;

import io.hardhats.web.NewestFirst;
import org.springframework.data.jpa.domain.Specification;

/** The events list's filters and keyset position as one query condition (tenancy is added by Hibernate). */
public record EventFilter(UUID cameraId, ViolationType violationType, Boolean acknowledged, NewestFirst window) {

    public Specification<Event> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> predicates = window.conditions(root, cb);
            if (cameraId != null) {
                predicates.add(cb.equal(root.get("cameraId"), cameraId));
            }
            if (violationType != null) {
                predicates.add(cb.equal(root.get("violationType"), violationType));
            }
            if (acknowledged != null) {
                predicates.add(cb.equal(root.get("acknowledged"), acknowledged));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
