package org.dudao.shared.web;

import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** Builds a safe page request for list screens: bounded size, sorting only on whitelisted properties. */
public final class PageRequests {

    private PageRequests() {}

    public static Pageable of(int page, int size, String sort, String dir, Set<String> sortable, String defaultSort) {
        String property = sortable.contains(sort) ? sort : defaultSort;
        Sort.Direction direction = "desc".equalsIgnoreCase(dir) ? Sort.Direction.DESC : Sort.Direction.ASC;
        return PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), Sort.by(direction, property));
    }
}
