package org.dudao.inspection.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.inspection.CheckRequest;
import org.dudao.inspection.Inspectors;
import org.dudao.inspection.SpecialInspectionRequest;
import org.dudao.inspection.SpecialInspectionView;
import org.dudao.inspection.SpecialInspections;
import org.dudao.inspection.Visits;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.scheme.Schemes;
import org.dudao.shared.ConflictException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.shared.web.FormFailures;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 专项督查 and 回头看: the list with progress and the launch form (the office), a special inspection's schools with
 * their checks and the cross-zone assignment, and a school's check recorded on a phone item by item, its re-check
 * and the 摘牌.
 */
@Controller
class SpecialInspectionController {

    private final SpecialInspections special;
    private final Inspectors inspectors;
    private final Schemes schemes;
    private final OrgUnits orgUnits;
    private final MessageSource messages;
    private final Clock clock;

    SpecialInspectionController(
            SpecialInspections special,
            Inspectors inspectors,
            Schemes schemes,
            OrgUnits orgUnits,
            MessageSource messages,
            Clock clock) {
        this.special = special;
        this.inspectors = inspectors;
        this.schemes = schemes;
        this.orgUnits = orgUnits;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static MenuEntry specialInspectionMenu() {
        return new MenuEntry(
                "nav.section.evaluation", "inspection.special.title", "/inspection/special", 323, Role.STAFF);
    }

    @GetMapping("/inspection/special")
    String index(Model model) {
        model.addAttribute("list", special.list());
        boolean launch = special.canLaunch();
        model.addAttribute("canLaunch", launch);
        if (launch) {
            List<OrgUnitRef> counties = inspectors.offices().stream()
                    .filter(o -> o.kind().level() == OrgKind.Level.COUNTY)
                    .toList();
            model.addAttribute("counties", counties);
            List<OrgUnitRef> townships = new ArrayList<>();
            for (OrgUnitRef c : counties) {
                orgUnits.subtree(c.code()).stream()
                        .filter(u -> u.kind().level() == OrgKind.Level.TOWNSHIP)
                        .forEach(townships::add);
            }
            model.addAttribute("townships", townships);
            model.addAttribute("schemes", schemes.list());
            model.addAttribute(
                    "schoolKinds",
                    java.util.Arrays.stream(OrgKind.values())
                            .filter(OrgKind::isSchool)
                            .toList());
            model.addAttribute("deadline", LocalDate.now(clock).plusMonths(1));
            model.addAttribute("year", LocalDate.now(clock).getYear() - 1);
        }
        return "inspection/special-list";
    }

    @PostMapping("/inspection/special")
    String launch(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String scheme,
            @RequestParam(required = false) String deadline,
            @RequestParam(required = false) List<String> kinds,
            @RequestParam(required = false) List<String> townships,
            @RequestParam(required = false) String plaqueSince,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            Integer since = null;
            if (plaqueSince != null && !plaqueSince.isBlank()) {
                try {
                    since = Integer.valueOf(plaqueSince.trim());
                } catch (NumberFormatException e) {
                    throw InvalidInputException.of("plaqueSince", "error.type-mismatch");
                }
            }
            SpecialInspectionView v = special.launch(new SpecialInspectionRequest(
                    kind, title, county, scheme, null, null, deadline, kinds, townships, since));
            redirect.addFlashAttribute("done", true);
            return "redirect:/inspection/special/" + v.id();
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
            return "redirect:/inspection/special";
        }
    }

    @GetMapping("/inspection/special/{id}")
    String inspection(@PathVariable Long id, Model model) {
        SpecialInspectionView v = special.get(id);
        model.addAttribute("s", v);
        SpecialInspections.Actions can = special.actions(id, null);
        model.addAttribute("can", can);
        model.addAttribute("assignable", can.manage() ? special.assignable(id) : List.of());
        return "inspection/special";
    }

    @PostMapping("/inspection/special/{id}/assignments")
    String assign(
            @PathVariable Long id,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Long inspector,
            RedirectAttributes redirect,
            Locale locale) {
        run(redirect, locale, () -> special.assign(id, school, inspector));
        return "redirect:/inspection/special/" + id;
    }

    @GetMapping("/inspection/special/{id}/checks/{school}")
    String check(@PathVariable Long id, @PathVariable String school, Model model) {
        SpecialInspectionView s = special.forCheck(id);
        model.addAttribute("s", s);
        model.addAttribute("whole", special.readsWhole(id));
        SpecialInspectionView.Check c = special.check(id, school);
        model.addAttribute("c", c);
        Map<String, SpecialInspectionView.Result> results = new java.util.HashMap<>();
        c.results().forEach(r -> results.put(r.item(), r));
        model.addAttribute("results", results);
        model.addAttribute("can", special.actions(id, school));
        model.addAttribute("ratings", Visits.RATINGS);
        model.addAttribute("rectifyBy", LocalDate.now(clock).plusDays(30));
        return "inspection/special-check";
    }

    /**
     * The whole checklist in one form: per item {@code rating_<code>} or {@code score_<code>}, {@code finding_<code>}
     * and an optional {@code photo_<code>}; an item left empty is not recorded yet.
     */
    @PostMapping("/inspection/special/{id}/checks/{school}")
    String record(
            @PathVariable Long id,
            @PathVariable String school,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        SpecialInspectionView s = special.forCheck(id);
        run(redirect, locale, () -> {
            List<CheckRequest.Result> results = new ArrayList<>();
            List<SpecialInspections.Photo> photos = new ArrayList<>();
            for (SpecialInspectionView.Item item : s.items()) {
                String rating = blank(form.get("rating_" + item.code()));
                String score = blank(form.get("score_" + item.code()));
                String finding = blank(form.get("finding_" + item.code()));
                MultipartFile photo =
                        request instanceof MultipartHttpServletRequest m ? m.getFile("photo_" + item.code()) : null;
                boolean hasPhoto = photo != null && !photo.isEmpty();
                if (rating == null && score == null && finding == null && !hasPhoto) continue;
                if (hasPhoto) {
                    try {
                        photos.add(new SpecialInspections.Photo(
                                item.code(), photo.getInputStream(), photo.getOriginalFilename()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                Double points = null;
                if (score != null) {
                    try {
                        points = Double.valueOf(score);
                    } catch (NumberFormatException e) {
                        throw InvalidInputException.of("score_" + item.code(), "error.type-mismatch");
                    }
                }
                results.add(new CheckRequest.Result(item.code(), rating, points, finding, null));
            }
            CheckRequest r = new CheckRequest(
                    results, form.get("summary"), "true".equals(form.get("submit")), blank(form.get("rectifyBy")));
            try {
                special.record(id, school, r, photos);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return "redirect:/inspection/special/" + id + "/checks/" + school;
    }

    @PostMapping("/inspection/special/{id}/checks/{school}/recheck")
    String recheck(
            @PathVariable Long id,
            @PathVariable String school,
            @RequestParam(required = false) Boolean passed,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect,
            Locale locale) {
        run(redirect, locale, () -> special.recheck(id, school, passed, note));
        return "redirect:/inspection/special/" + id + "/checks/" + school;
    }

    @PostMapping("/inspection/special/{id}/checks/{school}/revoke")
    String revoke(
            @PathVariable Long id,
            @PathVariable String school,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        special.check(id, school);
        run(redirect, locale, () -> special.revoke(school, reason));
        return "redirect:/inspection/special/" + id + "/checks/" + school;
    }

    private void run(RedirectAttributes redirect, Locale locale, Runnable work) {
        try {
            work.run();
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
        } catch (ConflictException e) {
            FormFailures.flash(e, messages, locale, redirect);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
