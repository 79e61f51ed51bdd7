package org.dudao.inspection.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InspectorRepository extends JpaRepository<Inspector, Long> {

    @Query("select i from Inspector i where i.officePath like concat(?1, '%') order by i.officePath, i.name, i.id")
    List<Inspector> findUnder(String pathPrefix);

    List<Inspector> findByUsernameOrderByIdAsc(String username);

    /** The inspectors of these ids by id, for views of many rows (nulls and repeats among the ids are fine). */
    default Map<Long, Inspector> byIds(Collection<Long> ids) {
        return findAllById(ids.stream().filter(Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(Inspector::getId, Function.identity()));
    }
}
