package org.dudao.evaluation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dudao.evaluation.ChainLevel;
import org.dudao.evaluation.ProjectForm;
import org.dudao.evaluation.Projects;
import org.dudao.evaluation.internal.ChainTemplate;
import org.dudao.evaluation.internal.ExpertGroups;
import org.dudao.evaluation.internal.GroupForm;
import org.dudao.evaluation.internal.ProjectDrafts;
import org.dudao.evaluation.internal.ProjectView;
import org.dudao.evaluation.internal.Quotas;
import org.dudao.evaluation.internal.ReviewChain;
import org.dudao.org.OrgKind;
import org.dudao.scheme.Schemes;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Setting a project up: the creation form (with its candidate schools and quota), the quota plan, expert groups. */
@Controller
class ProjectFormController {

    /** The kinds of unit a project may evaluate, offered by the form. */
    static final List<OrgKind> UNIT_KINDS = java.util.Arrays.stream(OrgKind.values())
            .filter(k -> k.level() != OrgKind.Level.PROVINCE && k.level() != OrgKind.Level.CITY)
            .toList();

    private final Projects projects;
    private final ExpertGroups groups;
    private final Quotas quotas;
    private final ProjectDrafts drafts;
    private final Schemes schemes;
    private final EvaluationPages pages;
    private final Clock clock;

    ProjectFormController(
            Projects projects,
            ExpertGroups groups,
            Quotas quotas,
            ProjectDrafts drafts,
            Schemes schemes,
            EvaluationPages pages,
            Clock clock) {
        this.projects = projects;
        this.groups = groups;
        this.quotas = quotas;
        this.drafts = drafts;
        this.schemes = schemes;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/evaluation/new")
    String createForm(Model model) {
        requireManager();
        int year = LocalDate.now(clock).getYear();
        ProjectEdit form = new ProjectEdit();
        form.setYear(String.valueOf(year));
        form.setDeadline(LocalDate.of(year, 11, 25).toString());
        form.setPublicityDays("7");
        form.setOrgUnit(drafts.defaultOwner());
        return create(form, null, model);
    }

    /** The candidate schools and the proposed quota of an owner (htmx, when the owner changes). */
    @GetMapping("/evaluation/new/draft")
    String draft(@RequestParam(required = false) String orgUnit, Model model) {
        ProjectEdit form = new ProjectEdit();
        form.setOrgUnit(orgUnit);
        model.addAttribute("form", form);
        draft(form, true, model);
        return "evaluation/new :: draft";
    }

    @PostMapping("/evaluation/new")
    String create(
            @ModelAttribute("form") ProjectEdit form, BindingResult result, Model model, RedirectAttributes redirect) {
        requireManager();
        form.notNumbers().forEach(field -> result.rejectValue(field, "error.type-mismatch"));
        if (!result.hasErrors()) {
            try {
                ProjectView created = projects.create(form.toForm());
                redirect.addFlashAttribute("done", true);
                return "redirect:/evaluation/" + created.code();
            } catch (InvalidInputException e) {
                FormErrors.bind(e, result);
            } catch (NotFoundException e) {
                result.rejectValue("orgUnit", "evaluation.error.owner-unknown");
            } catch (ForbiddenException e) {
                result.rejectValue("orgUnit", "evaluation.error.owner-not-managed");
            }
        }
        return create(form, result, model);
    }

    /** Only those who set projects up see the form (where, the service checks). */
    private void requireManager() {
        if (!projects.canCreate()) {
            throw new ForbiddenException("error.forbidden");
        }
    }

    private String create(ProjectEdit form, BindingResult result, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("schemes", schemes.list());
        model.addAttribute("templates", ChainTemplate.values());
        model.addAttribute("kinds", UNIT_KINDS);
        // the candidates are listed again as the user left them; only a fresh form ticks them all
        draft(form, result == null, model);
        return "evaluation/new";
    }

    private void draft(ProjectEdit form, boolean fresh, Model model) {
        if (form.getOrgUnit() == null || form.getOrgUnit().isBlank()) {
            return;
        }
        try {
            ProjectDrafts.Draft draft = drafts.draft(form.getOrgUnit().trim());
            model.addAttribute("draft", draft);
            if (fresh) {
                form.setSchools(new ArrayList<>(draft.schools().stream()
                        .map(ProjectDrafts.Draft.School::code)
                        .toList()));
                form.setQuotaPrimary(String.valueOf(draft.primary()));
                form.setQuotaSecondary(String.valueOf(draft.secondary()));
            }
        } catch (NotFoundException e) {
            model.addAttribute("draftError", "evaluation.error.owner-unknown");
        } catch (ForbiddenException e) {
            model.addAttribute("draftError", "evaluation.error.owner-not-managed");
        }
    }

    @PostMapping("/evaluation/{project}/quota")
    String planQuota(
            @PathVariable String project,
            @RequestParam(required = false) String primary,
            @RequestParam(required = false) String secondary,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        try {
            quotas.planQuota(project, number(primary), number(secondary), version);
            redirect.addFlashAttribute("done", true);
            return "redirect:/evaluation/" + project;
        } catch (InvalidInputException e) {
            model.addAttribute("quotaErrors", pages.errors(e.problems()));
            model.addAttribute("quotaPosted", Map.of("primary", blank(primary), "secondary", blank(secondary)));
            return pages.project(project, model);
        }
    }

    @PostMapping("/evaluation/{project}/groups")
    String addGroup(
            @PathVariable String project,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String leader,
            @RequestParam(required = false) List<String> members,
            @RequestParam(required = false) List<String> schools,
            Model model,
            RedirectAttributes redirect) {
        GroupForm form = new GroupForm(
                level, name, leader, members == null ? List.of() : members, schools == null ? List.of() : schools);
        try {
            groups.addGroup(project, form);
            redirect.addFlashAttribute("done", true);
            return "redirect:/evaluation/" + project + "#groups";
        } catch (InvalidInputException e) {
            model.addAttribute("groupErrors", pages.errors(e.problems()));
            model.addAttribute("group", form);
            return pages.project(project, model);
        }
    }

    /** A whole number typed in a form; anything else is left to the service's range check. */
    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }

    /** The creation form as the page binds it. */
    static class ProjectEdit {
        private String code;
        private String name;
        private String year;
        private String scheme;
        private String orgUnit;
        private String deadline;
        private String countyDeadline;
        private String cityDeadline;
        private String publicityDays;
        private String quotaPrimary;
        private String quotaSecondary;
        private List<String> schools = new ArrayList<>();
        /** Set by the candidate list: without it (no list shown) every candidate of the owner takes part. */
        private boolean schoolsListed;

        private String template = ChainTemplate.STANDARDIZATION.name();
        private List<String> unitKinds = new ArrayList<>();
        /** The office edits the chain (the rows below) instead of taking the template's. */
        private boolean customChain;

        private List<ChainRow> levels = new ArrayList<>(
                ReviewChain.ORDER.stream().map(l -> new ChainRow(l.name())).toList());

        /** Whether the project is a standardization one, whose candidate schools the list picks. */
        boolean standardization() {
            return (template == null
                            || template.isBlank()
                            || ChainTemplate.STANDARDIZATION.name().equals(template))
                    && !customChain
                    && (unitKinds == null || unitKinds.isEmpty());
        }

        private List<ChainLevel> chain() {
            if (!customChain) {
                return null;
            }
            return levels.stream()
                    .filter(ChainRow::isIncluded)
                    .map(r -> new ChainLevel(
                            r.getLevel(),
                            r.isScores(),
                            r.isApproves(),
                            number(r.getPublicityDays()),
                            r.isCertificate(),
                            null))
                    .toList();
        }

        ProjectForm toForm() {
            return new ProjectForm(
                    code,
                    name,
                    number(year),
                    scheme,
                    null,
                    orgUnit == null ? null : orgUnit.trim(),
                    deadline,
                    number(publicityDays),
                    number(quotaPrimary),
                    number(quotaSecondary),
                    schoolsListed && standardization() ? (schools == null ? List.of() : schools) : null,
                    countyDeadline,
                    cityDeadline,
                    template,
                    unitKinds == null || unitKinds.isEmpty() ? null : unitKinds,
                    chain());
        }

        /** Whole-number fields holding something else. */
        List<String> notNumbers() {
            List<String> bad = new ArrayList<>();
            Map.of(
                            "year",
                            s(year),
                            "publicityDays",
                            s(publicityDays),
                            "quotaPrimary",
                            s(quotaPrimary),
                            "quotaSecondary",
                            s(quotaSecondary))
                    .forEach((field, text) -> {
                        if (!text.isBlank() && number(text) == null) bad.add(field);
                    });
            return bad;
        }

        private static String s(String text) {
            return text == null ? "" : text;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getYear() {
            return year;
        }

        public void setYear(String year) {
            this.year = year;
        }

        public String getScheme() {
            return scheme;
        }

        public void setScheme(String scheme) {
            this.scheme = scheme;
        }

        public String getOrgUnit() {
            return orgUnit;
        }

        public void setOrgUnit(String orgUnit) {
            this.orgUnit = orgUnit;
        }

        public String getDeadline() {
            return deadline;
        }

        public void setDeadline(String deadline) {
            this.deadline = deadline;
        }

        public String getCountyDeadline() {
            return countyDeadline;
        }

        public void setCountyDeadline(String countyDeadline) {
            this.countyDeadline = countyDeadline;
        }

        public String getCityDeadline() {
            return cityDeadline;
        }

        public void setCityDeadline(String cityDeadline) {
            this.cityDeadline = cityDeadline;
        }

        public String getPublicityDays() {
            return publicityDays;
        }

        public void setPublicityDays(String publicityDays) {
            this.publicityDays = publicityDays;
        }

        public String getQuotaPrimary() {
            return quotaPrimary;
        }

        public void setQuotaPrimary(String quotaPrimary) {
            this.quotaPrimary = quotaPrimary;
        }

        public String getQuotaSecondary() {
            return quotaSecondary;
        }

        public void setQuotaSecondary(String quotaSecondary) {
            this.quotaSecondary = quotaSecondary;
        }

        public List<String> getSchools() {
            return schools;
        }

        public void setSchools(List<String> schools) {
            this.schools = schools;
        }

        public boolean isSchoolsListed() {
            return schoolsListed;
        }

        public void setSchoolsListed(boolean schoolsListed) {
            this.schoolsListed = schoolsListed;
        }

        public String getTemplate() {
            return template;
        }

        public void setTemplate(String template) {
            this.template = template;
        }

        public List<String> getUnitKinds() {
            return unitKinds;
        }

        public void setUnitKinds(List<String> unitKinds) {
            this.unitKinds = unitKinds;
        }

        public boolean isCustomChain() {
            return customChain;
        }

        public void setCustomChain(boolean customChain) {
            this.customChain = customChain;
        }

        public List<ChainRow> getLevels() {
            return levels;
        }

        public void setLevels(List<ChainRow> levels) {
            this.levels = levels;
        }
    }

    /** One level of the chain editor: whether the chain has it and how it reviews. */
    public static class ChainRow {
        private String level;
        private boolean included;
        private boolean scores;
        private boolean approves;
        private String publicityDays;
        private boolean certificate;

        public ChainRow() {}

        ChainRow(String level) {
            this.level = level;
        }

        public String getLevel() {
            return level;
        }

        public void setLevel(String level) {
            this.level = level;
        }

        public boolean isIncluded() {
            return included;
        }

        public void setIncluded(boolean included) {
            this.included = included;
        }

        public boolean isScores() {
            return scores;
        }

        public void setScores(boolean scores) {
            this.scores = scores;
        }

        public boolean isApproves() {
            return approves;
        }

        public void setApproves(boolean approves) {
            this.approves = approves;
        }

        public String getPublicityDays() {
            return publicityDays;
        }

        public void setPublicityDays(String publicityDays) {
            this.publicityDays = publicityDays;
        }

        public boolean isCertificate() {
            return certificate;
        }

        public void setCertificate(boolean certificate) {
            this.certificate = certificate;
        }
    }
}
