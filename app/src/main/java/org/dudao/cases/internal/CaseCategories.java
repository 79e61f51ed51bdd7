package org.dudao.cases.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.audit.AuditLog;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case categories and their time limits in working days. They are shared by the whole tree (every county files
 * into the same categories), so like the data item catalogue they are read by all staff and changed only by the
 * office at the root. A new limit counts for cases taken in afterwards: a case keeps the due day of its intake.
 */
@Service
public class CaseCategories {

    /** The longest time limit a category may have: a quarter of a year of working days. */
    static final int MAX_LIMIT = 60;

    /** What an edit or a new category takes; {@code code} only when adding, {@code version} to refuse stale edits. */
    public record CategoryForm(String code, String name, Integer timeLimit, Integer version) {}

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    CaseCategories(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<CategoryView> list() {
        Access.currentUser();
        return jdbc.query(
                "select code, name, time_limit, row_version from case_category order by sort_order, code",
                (rs, i) -> new CategoryView(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)));
    }

    /** Whether the current user may change the categories (director or administrator at the root). */
    public boolean canEdit() {
        return Access.holdsAtRoot(Role.OFFICE);
    }

    @Transactional
    public CategoryView add(CategoryForm form) {
        requireEdit();
        Problems problems = new Problems();
        String code = form == null ? null : form.code();
        if (problems.required("code", code) && !code.strip().matches("[A-Za-z][A-Za-z0-9_]{0,39}")) {
            problems.add("code", "cases.error.category-code");
        }
        validate(problems, form);
        problems.throwIfAny();
        String key = code.strip().toUpperCase(Locale.ROOT);
        if (find(key) != null) throw InvalidInputException.of("code", "cases.error.category-taken", key);
        nameFree(form.name().strip(), key);
        Integer last = jdbc.queryForObject("select coalesce(max(sort_order), 0) from case_category", Integer.class);
        jdbc.update(
                "insert into case_category (code, name, time_limit, sort_order, row_version) values (?, ?, ?, ?, 0)",
                key,
                form.name().strip(),
                form.timeLimit(),
                last + 1);
        CategoryView saved = find(key);
        audit.created("CaseCategory", key, saved.name(), "/", audited(saved));
        return saved;
    }

    /** Renames a category or changes its time limit; cases already taken in keep their due day. */
    @Transactional
    public CategoryView update(String code, CategoryForm form) {
        requireEdit();
        CategoryView before = code == null ? null : find(code.strip().toUpperCase(Locale.ROOT));
        if (before == null) throw new NotFoundException("case category " + code);
        Problems problems = new Problems();
        validate(problems, form);
        problems.throwIfAny();
        if (form.version() != null && form.version() != before.version()) throw new ConflictException("error.stale");
        nameFree(form.name().strip(), before.code());
        int changed = jdbc.update(
                "update case_category set name = ?, time_limit = ?, row_version = row_version + 1"
                        + " where code = ? and row_version = ?",
                form.name().strip(),
                form.timeLimit(),
                before.code(),
                before.version());
        if (changed == 0) throw new ConflictException("error.stale");
        CategoryView after = find(before.code());
        audit.updated("CaseCategory", before.code(), after.name(), "/", audited(before), audited(after));
        return after;
    }

    private static void validate(Problems problems, CategoryForm form) {
        if (problems.required("name", form == null ? null : form.name())) problems.name("name", form.name(), 100);
        if (form == null || form.timeLimit() == null) problems.add("timeLimit", "error.required");
        else if (form.timeLimit() < 1 || form.timeLimit() > MAX_LIMIT) {
            problems.add("timeLimit", "error.range", 1, MAX_LIMIT);
        }
    }

    private void nameFree(String name, String code) {
        Integer same = jdbc.queryForObject(
                "select count(*) from case_category where name = ? and code <> ?", Integer.class, name, code);
        if (same > 0) throw InvalidInputException.of("name", "cases.error.category-name-taken", name);
    }

    private CategoryView find(String code) {
        return jdbc
                .query(
                        "select code, name, time_limit, row_version from case_category where code = ?",
                        (rs, i) -> new CategoryView(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)),
                        code)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private void requireEdit() {
        if (!canEdit()) throw new ForbiddenException("error.forbidden");
    }

    private static Map<String, Object> audited(CategoryView c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("timeLimit", c.timeLimit());
        return m;
    }
}
