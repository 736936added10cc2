/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import { registry } from "@web/core/registry";

function fail(message) {
    // console.error is what makes the test runner fail the tour.
    console.error(message);
    throw new Error(message);
}

/** The CSS rule that reveals the trash while the state block is hovered. */
function hoverRevealRule() {
    for (const sheet of document.styleSheets) {
        let rules = [];
        try {
            rules = [...sheet.cssRules];
        } catch {
            continue;
        }
        const rule = rules.find(
            (r) =>
                r.selectorText &&
                r.selectorText.includes(".o_linkedin_state:hover .o_linkedin_disconnect") &&
                r.style.visibility === "visible"
        );
        if (rule) {
            return rule;
        }
    }
    return null;
}

const clickTrash = {
    content: "Hover the badge and click the trash",
    trigger: ".o_form_view .o_linkedin_state .o_linkedin_disconnect",
    run() {
        const state = this.$anchor[0].closest(".o_linkedin_state");
        state.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
        this.$anchor[0].click();
    },
};

registry.category("web_tour.tours").add("linkedin_recruiter_disconnect_tour", {
    test: true,
    steps: () => [
        {
            content: "The applicant reads 'LinkedIn Recruiter connected'",
            trigger: ".o_form_view .o_linkedin_state .o_linkedin_connected_badge:contains(LinkedIn Recruiter connected)",
            isCheck: true,
        },
        {
            content: "The trash is hidden until the badge is hovered",
            trigger: ".o_form_view .o_linkedin_state .o_linkedin_disconnect",
            run() {
                const trash = this.$anchor[0];
                if (getComputedStyle(trash).visibility !== "hidden") {
                    fail("The disconnect button shows without hovering");
                }
                if (!hoverRevealRule()) {
                    fail("No :hover rule reveals the disconnect button");
                }
            },
        },
        clickTrash,
        {
            content: "The wizard explains that a duplicate is connected too",
            trigger: ".o_linkedin_disconnect_duplicates:contains(1 other applicant with the same email is also connected to this LinkedIn profile)",
            isCheck: true,
        },
        {
            content: "and lists it with what tells it apart: its application, job and stage",
            trigger:
                ".o_linkedin_disconnect_duplicates .o_data_row:contains(Jane Doe):contains(Jane Doe application):contains(Tour job):contains(New)",
            isCheck: true,
        },

        {
            content: "Disconnecting them all is styled as destructive",
            trigger: "button.o_linkedin_disconnect_all.btn-danger:not(.btn-primary)",
            isCheck: true,
        },
        {
            content: "Merge then disconnect",
            trigger: ".o_linkedin_merge_then_disconnect",
            run: "click",
        },
        {
            content: "The merge wizard previews what moves, naming each applicant apart",
            trigger:
                ".o_hr_applicant_merge .o_hr_applicant_merge_preview:contains(Keep Jane Doe, Jane Doe application (Tour job, New, created):contains(Jane D. Twin, Jane D. Twin application)",
            run() {
                const preview = this.$anchor[0].innerText;
                if (/\((s|ies)\)/.test(preview)) {
                    fail(`The preview writes plurals as (s): ${preview}`);
                }
            },
        },
        {
            content: "The merge lists the applicants with their application, and adds none",
            trigger:
                ".o_hr_applicant_merge:not(:has(.o_field_x2many_list_row_add)) .o_data_row:contains(Jane D. Twin application)",
            isCheck: true,
        },
        {
            content: "The same email: no warning about different people",
            trigger: ".o_hr_applicant_merge:not(:has(.o_hr_applicant_merge_difference:visible))",
            isCheck: true,
        },
        {
            content: "Confirm the merge",
            trigger: ".o_hr_applicant_merge_disconnect_button",
            run: "click",
        },
        {
            content: "The kept applicant is disconnected",
            trigger: "body:not(:has(.modal)) .o_form_view .o_linkedin_not_connected:contains(Not connected)",
            isCheck: true,
        },
        {
            content: "It is the oldest applicant, the primary",
            trigger: ".o_form_view .o_field_widget[name=partner_name] input",
            run() {
                if (this.$anchor[0].value !== "Jane Doe") {
                    fail(`Ended on ${this.$anchor[0].value}, not on the primary`);
                }
            },
        },
        {
            content: "No unsaved changes are left",
            trigger: ".o_form_view .o_form_status_indicator .o_form_status_indicator_buttons.invisible",
            isCheck: true,
        },
    ],
});

registry.category("web_tour.tours").add("linkedin_recruiter_disconnect_single_tour", {
    test: true,
    steps: () => [
        clickTrash,
        {
            content: "The wizard asks for confirmation",
            trigger: ".o_linkedin_disconnect_confirm:contains(Disconnect)",
            isCheck: true,
        },
        {
            content: "Disconnect is styled as destructive, not as the primary action",
            trigger: "button.o_linkedin_disconnect_confirm_button.btn-danger:not(.btn-primary)",
            run: "click",
        },
        {
            content: "The applicant is disconnected",
            trigger: "body:not(:has(.modal)) .o_form_view .o_linkedin_not_connected:contains(Not connected)",
            isCheck: true,
        },
    ],
});
