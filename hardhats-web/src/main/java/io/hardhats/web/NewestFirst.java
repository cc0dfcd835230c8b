package io.hardhats.web;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.data.domain.Sort;

/**
 * The part every newest-first list shares (events, audit logs): a time window, {@code from}
 * inclusive and {@code to} exclusive, and the keyset position to continue after.
 */
public record NewestFirst(Instant from, Instant to, Cursor after) {

    public static final Sort ORDER = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    /** The window's conditions on rows with {@code createdAt} and {@code id}, for a list's own to join. */
    public List<Predicate> conditions(Root<?> root, CriteriaBuilder cb) {
        List<Predicate> where = new ArrayList<>();
        if (from != null) {
            where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), from));
        }
        if (to != null) {
            where.add(cb.lessThan(root.get("createdAt"), to));
        }
        if (after != null) {
            where.add(after.olderRows(root, cb));
        }
        return where;
    }

    /**
     * One page out of rows fetched one past its size in {@link #ORDER}: the extra row only says
     * that another page follows, which continues after the page's last row.
     */
    public static <E, V> Page<V> page(List<E> rows, int size, Function<E, Instant> createdAt, Function<E, UUID> id,
            Function<E, V> view) {
        boolean more = rows.size() > size;
        List<E> page = more ? rows.subList(0, size) : rows;
        E last = more ? page.get(size - 1) : null;
        String next = last == null ? null : new Cursor(createdAt.apply(last), id.apply(last)).encode();
        return new Page<>(page.stream().map(view).toList(), next);
    }
}
