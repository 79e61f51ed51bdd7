package org.dudao.collection.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.audit.AuditLog;
import org.dudao.data.Computed;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.data.DataValues;
import org.dudao.data.ItemValues;
import org.dudao.data.PeriodType;
import org.dudao.data.StoredValue;
import org.dudao.data.ValueWrite;
import org.dudao.data.WriteOutcome;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Filling in, submitting and reviewing one unit's form of a collection task. */
@Service
public class UnitForms {

    private final TaskViews tasks;
    private final AssignmentRepository assignments;
    private final OrgUnits units;
    private final DataItems items;
    private final DataValues values;
    private final Consistency consistency;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    UnitForms(
            TaskViews tasks,
            AssignmentRepository assignments,
            OrgUnits units,
            DataItems items,
            DataValues values,
            Consistency consistency,
            AuditLog audit,
            MessageSource messages,
            Clock clock) {
        this.tasks = tasks;
        this.assignments = assignments;
        this.units = units;
        this.items = items;
        this.values = values;
        this.consistency = consistency;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    private record Context(CollectionTask task, OrgUnitRef unit, Assignment assignment, Map<String, DataItem> items) {}

    private Context context(Long taskId, String orgUnit) {
        CollectionTask task = tasks.task(taskId);
        OrgUnitRef unit = units.readable(orgUnit);
        Assignment a = assignments
                .findByTaskIdAndOrgUnitId(taskId, unit.id())
                .orElseThrow(() -> new NotFoundException("form " + taskId + "/" + orgUnit));
        Map<Long, DataItem> byId =
                items.byId(task.getItems().stream().map(TaskItem::getItemId).toList());
        Map<String, DataItem> byCode = new LinkedHashMap<>();
        task.getItems().forEach(ti -> byCode.put(byId.get(ti.getItemId()).getCode(), byId.get(ti.getItemId())));
        return new Context(task, unit, a, byCode);
    }

    @Transactional(readOnly = true)
    public UnitForm form(Long taskId, String orgUnit) {
        return view(context(taskId, orgUnit));
    }

    @Transactional
    public UnitForm saveDraft(Long taskId, String orgUnit, FormInput input) {
        Context c = context(taskId, orgUnit);
        CollectionRoles.requireWrite(c.unit());
        if (!c.assignment().getStatus().editable()) {
            throw new ConflictException("collection.error.locked");
        }
        write(c, input, false);
        c.assignment().saveDraft(Access.currentUsername(), Instant.now(clock));
        assignments.flush();
        return view(c);
    }

    @Transactional
    public UnitForm submit(Long taskId, String orgUnit, FormInput input) {
        Context c = context(taskId, orgUnit);
        CollectionRoles.requireWrite(c.unit());
        if (!c.assignment().getStatus().editable()) {
            throw new ConflictException("collection.error.locked");
        }
        AssignmentStatus before = c.assignment().getStatus();
        write(c, input, true);
        String explanation = input == null
                        || input.explanation() == null
                        || input.explanation().isBlank()
                ? null
                : input.explanation().trim();
        List<Mismatch> mismatches =
                consistency.checkUnit(c.unit(), c.task().getPeriod(), c.items().keySet());
        if (!mismatches.isEmpty() && explanation == null) {
            throw InvalidInputException.of("explanation", "collection.error.explain-mismatch", mismatches.size());
        }
        if (explanation != null && explanation.length() > 2000) {
            throw InvalidInputException.of("explanation", "error.too-long", 2000);
        }
        c.assignment().submit(Access.currentUsername(), Instant.now(clock), mismatches.isEmpty() ? null : explanation);
        assignments.flush();
        auditStatus(
                c,
                before,
                Map.of(
                        "status",
                        AssignmentStatus.SUBMITTED.name(),
                        "explanation",
                        explanation == null ? "" : explanation));
        return view(c);
    }

    @Transactional
    public UnitForm approve(Long taskId, String orgUnit) {
        Context c = context(taskId, orgUnit);
        CollectionRoles.requireReview(c.unit());
        AssignmentStatus before = c.assignment().getStatus();
        c.assignment().approve(Access.currentUsername(), Instant.now(clock));
        assignments.flush();
        auditStatus(c, before, Map.of("status", AssignmentStatus.APPROVED.name()));
        return view(c);
    }

    @Transactional
    public UnitForm returnForChanges(Long taskId, String orgUnit, String reason) {
        Context c = context(taskId, orgUnit);
        CollectionRoles.requireReview(c.unit());
        Problems problems = new Problems();
        if (problems.required("reason", reason)) {
            problems.maxLength("reason", reason.trim(), 1000);
        }
        problems.throwIfAny();
        AssignmentStatus before = c.assignment().getStatus();
        c.assignment().returnForChanges(reason.trim(), Access.currentUsername(), Instant.now(clock));
        assignments.flush();
        auditStatus(c, before, Map.of("status", AssignmentStatus.RETURNED.name(), "reason", reason.trim()));
        return view(c);
    }

    /** Validates and writes the posted values; on submit also required items and cross-field rules. */
    private void write(Context c, FormInput input, boolean submitting) {
        Map<String, String> posted = input == null || input.values() == null ? Map.of() : input.values();
        Map<String, Integer> versions = input == null || input.versions() == null ? Map.of() : input.versions();
        String period = c.task().getPeriod();
        Problems problems = new Problems();
        Map<String, StoredValue> stored = stored(c, period);
        Map<String, BigDecimal> merged = new HashMap<>();
        Map<String, Boolean> present = new HashMap<>();
        stored.forEach((code, v) -> {
            merged.put(code, v.num());
            present.put(code, true);
        });
        List<ValueWrite> writes = new ArrayList<>();
        for (Map.Entry<String, String> e : posted.entrySet()) {
            DataItem item = c.items().get(e.getKey());
            if (item == null) {
                problems.add(e.getKey(), "collection.error.item-not-in-form");
                continue;
            }
            if (values.isComputed(item)) {
                // shown read-only: an empty value is what the form shows without a figure
                if (e.getValue() != null && !e.getValue().isBlank()) {
                    problems.add(item.getCode(), "data.value.computed", item.getName());
                }
                continue;
            }
            ItemValues.Parsed parsed = ItemValues.parse(item, e.getValue());
            if (!parsed.ok()) {
                problems.add(item.getCode(), parsed.problem(), parsed.args());
                continue;
            }
            merged.put(item.getCode(), parsed.num());
            present.put(item.getCode(), !parsed.empty());
            writes.add(new ValueWrite(
                    c.unit().id(),
                    c.unit().path(),
                    item,
                    period,
                    parsed.num(),
                    parsed.text(),
                    versions.get(item.getCode())));
        }
        if (submitting && problems.isEmpty()) {
            c.items().values().stream().filter(values::isComputed).forEach(i -> present.put(i.getCode(), true));
            checkComplete(c, present, merged, problems);
        }
        problems.throwIfAny();
        refuseStaleOrLocked(values.writeAll(writes, "FORM", false));
    }

    /** A submitted form holds every required item and keeps its cross-field rules. */
    private static void checkComplete(
            Context c, Map<String, Boolean> present, Map<String, BigDecimal> merged, Problems problems) {
        for (DataItem item : c.items().values()) {
            if (item.isRequired() && !Boolean.TRUE.equals(present.get(item.getCode()))) {
                problems.add(item.getCode(), "collection.error.required-item");
            }
        }
        FormRules.violations(c.task().getRules(), c.items(), merged)
                .forEach(p -> problems.add(p.field(), p.message(), p.args()));
    }

    private void refuseStaleOrLocked(WriteOutcome outcome) {
        if (!outcome.stale().isEmpty()) {
            List<FieldProblem> stale = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (WriteOutcome.Stale s : outcome.stale()) {
                DataItem item = s.write().item();
                names.add(item.getName());
                stale.add(new FieldProblem(
                        item.getCode(),
                        "collection.error.stale-field",
                        s.current() == null
                                ? text("collection.value.none")
                                : ItemValues.format(
                                        item, s.current().num(), s.current().text()),
                        s.current() == null ? "—" : s.current().updatedBy()));
            }
            throw new StaleValuesException(String.join("、", names), stale);
        }
        if (!outcome.locked().isEmpty()) {
            throw new ConflictException(
                    "collection.error.value-locked",
                    outcome.locked().get(0).item().getName());
        }
    }

    private Map<String, StoredValue> stored(Context c, String period) {
        Map<Long, DataItem> byId = new HashMap<>();
        c.items().values().forEach(i -> byId.put(i.getId(), i));
        Map<String, StoredValue> result = new HashMap<>();
        values.find(List.of(c.unit().id()), byId.keySet(), period)
                .forEach(v -> result.put(byId.get(v.itemId()).getCode(), v));
        return result;
    }

    private UnitForm view(Context c) {
        CollectionTask task = c.task();
        String period = task.getPeriod();
        PeriodType type = PeriodType.of(period);
        String previousPeriod = type == null ? null : type.previous(period);
        Map<String, StoredValue> now = stored(c, period);
        Map<String, StoredValue> before = previousPeriod == null ? Map.of() : stored(c, previousPeriod);
        Map<String, List<UnitForm.Field>> sections = new LinkedHashMap<>();
        Map<Long, String> codeById = new HashMap<>();
        c.items().values().forEach(i -> codeById.put(i.getId(), i.getCode()));
        Map<String, BigDecimal> numbers = new HashMap<>();
        Map<String, Computed> computedNow = values.computed(
                        List.of(c.unit().id()), period, c.items().keySet())
                .getOrDefault(c.unit().id(), Map.of());
        Map<String, Computed> computedBefore = previousPeriod == null
                ? Map.of()
                : values.computed(
                                List.of(c.unit().id()),
                                previousPeriod,
                                c.items().keySet())
                        .getOrDefault(c.unit().id(), Map.of());
        for (TaskItem ti : task.getItems()) {
            DataItem item = c.items().get(codeById.get(ti.getItemId()));
            Computed computed = computedNow.get(item.getCode());
            UnitForm.Field field;
            if (computed != null) {
                Computed last = computedBefore.get(item.getCode());
                field = computedField(item, computed, last);
                if (computed.computable()) {
                    numbers.put(item.getCode(), computed.value());
                }
            } else {
                StoredValue v = now.get(item.getCode());
                if (v != null) {
                    numbers.put(item.getCode(), v.num());
                }
                field = field(item, v, before.get(item.getCode()));
            }
            sections.computeIfAbsent(ti.getSection(), k -> new ArrayList<>()).add(field);
        }
        List<UnitForm.Warning> warnings = FormRules.violations(task.getRules(), c.items(), numbers).stream()
                .map(fp -> new UnitForm.Warning(fp.field(), text(fp.message(), fp.args())))
                .toList();
        boolean hasChildren = units.subtree(c.unit().code()).size() > 1;
        List<Mismatch> mismatches =
                hasChildren ? consistency.checkUnit(c.unit(), period, c.items().keySet()) : List.of();
        Assignment a = c.assignment();
        return new UnitForm(
                task.getId(),
                task.getName(),
                period,
                previousPeriod,
                task.getDeadline(),
                TaskViews.overdue(task, a, tasks.today()),
                c.unit().code(),
                c.unit().name(),
                a.getStatus(),
                a.getReturnReason(),
                a.getExplanation(),
                a.getSubmittedBy(),
                a.getSubmittedAt(),
                a.getReviewedBy(),
                a.getReviewedAt(),
                a.getStatus().editable(),
                CollectionRoles.canWrite(c.unit()),
                CollectionRoles.canReview(c.unit()),
                hasChildren,
                sections.entrySet().stream()
                        .map(e -> new UnitForm.Section(e.getKey(), e.getValue()))
                        .toList(),
                warnings,
                mismatches,
                tasks.reminderViews(List.of(a.getId())).getOrDefault(a.getId(), List.of()));
    }

    /** One field of the form: the item, its value now ({@code v}) and in the previous period ({@code p}). */
    private static UnitForm.Field field(DataItem item, StoredValue v, StoredValue p) {
        return new UnitForm.Field(
                item.getCode(),
                item.getName(),
                item.getUnit(),
                item.getValueType(),
                item.isRequired(),
                item.getMinValue(),
                item.getMaxValue(),
                v == null ? null : ItemValues.format(item, v.num(), v.text()),
                v == null ? -1 : v.version(),
                p == null ? null : ItemValues.format(item, p.num(), p.text()),
                v == null ? null : v.updatedBy(),
                v == null ? null : v.updatedAt(),
                false,
                null);
    }

    /** A computed item's field: read-only, its value now or why it cannot be computed (无法计算). */
    private static UnitForm.Field computedField(DataItem item, Computed now, Computed last) {
        return new UnitForm.Field(
                item.getCode(),
                item.getName(),
                item.getUnit(),
                item.getValueType(),
                false,
                item.getMinValue(),
                item.getMaxValue(),
                now.computable() ? ItemValues.format(item, now.value(), null) : null,
                -1,
                last != null && last.computable() ? ItemValues.format(item, last.value(), null) : null,
                null,
                null,
                true,
                now.reason());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** A unit's form changed status (submit, approve, return): the audit entry says from what to what. */
    private void auditStatus(Context c, AssignmentStatus before, Map<String, String> after) {
        audit.updated(
                "CollectionAssignment",
                c.assignment().getId(),
                c.task().getName() + " " + c.unit().name(),
                c.unit().path(),
                Map.of("status", before.name()),
                after);
    }
}
